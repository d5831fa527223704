"""The read-only web page of each party: static HTML, CSS and JS that call the GraphQL API with
the caller's own token (see web/app.js). Served under /app with a strict content policy: only
this origin's script and style run, and the page connects to nothing but its own API."""

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

WEB_DIR = Path(__file__).with_name("web")
FILES = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


async def _file(request: Request) -> Response:
    name = request.path_params.get("name", "index.html")
    if name not in FILES:
        return PlainTextResponse("niet gevonden", status_code=404)
    return FileResponse(WEB_DIR / name, media_type=FILES[name], headers=HEADERS)


async def _to_page(_: Request) -> Response:
    return RedirectResponse("/app/")


def routes() -> list[Route]:
    return [
        Route("/", _to_page),
        Route("/app", _to_page),
        Route("/app/", _file),
        Route("/app/{name}", _file),
    ]
