from gateway.schema import SDL_PATH, sdl


def test_exported_sdl_is_current():
    assert SDL_PATH.read_text() == sdl(), (
        "run: python -c 'from gateway.schema import export_sdl; export_sdl()'"
    )
