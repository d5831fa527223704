"""The read-only web page, in headless Chromium against a real gateway process.

Set WVP_SCREENSHOT_DIR (e.g. docs) to keep the werkgever's page as screenshot-werkgever.png.
"""

import os
from pathlib import Path

import pytest

from tests.gateway.browser import Browser, require_chromium
from tests.gateway.support import token

ROWS = "document.querySelectorAll('#dossiers tr').length"
TIMELINE = "document.querySelectorAll('#tijdlijn tbody tr').length"
EXTRA = 11  # dossiers beside the reference one, so the werkgever's caseload has two pages


@pytest.fixture(scope="module")
def caseload(server, reference):
    """Eleven more absences at acme, all reported after the reference dossier's."""
    for n in range(1, EXTRA + 1):
        server.ok(
            f'mutation {{ registreerZiekmelding(input: {{ geldigOp: "2026-03-{n:02d}", '
            f'werknemerId: "wn-extra-{n}", werkgeverId: "acme" }}) {{ dossierId }} }}',
            "werkgever",
        )
    return reference


@pytest.fixture
def browser():
    require_chromium()
    started = Browser.start()
    yield started
    started.close()


def _text(browser: Browser, selector: str) -> str:
    return browser.evaluate(f"document.querySelector({selector!r}).innerText")


def _open(browser: Browser, dossier_id: str) -> None:
    browser.click(f'[data-dossier="{dossier_id}"] button')
    browser.wait_for(f"{TIMELINE} > 0 && !document.getElementById('dossier').hidden")


def test_the_werkgever_page_shows_caseload_timeline_without_health_data_and_overdue_steps(
    server, caseload, browser, tmp_path
):
    browser.goto(f"{server.url}/app/#token={token('werkgever')}")
    browser.wait_for(f"{ROWS} === 10")
    assert browser.evaluate("location.hash") == ""  # the token does not linger in the address
    assert _text(browser, "#wie") == "Aangemeld als werkgever hr1 (acme)"
    assert _text(browser, "#pagina") == f"Pagina 1 · {EXTRA + 1} dossiers"
    assert browser.evaluate("document.getElementById('vorige').disabled")

    browser.click("#volgende")  # the reference dossier is the oldest: on page two
    browser.wait_for(f"{ROWS} === 2")
    assert _text(browser, "#pagina") == f"Pagina 2 · {EXTRA + 1} dossiers"
    assert browser.evaluate("document.getElementById('volgende').disabled")
    _open(browser, caseload.dossier_id)

    page = browser.evaluate("document.documentElement.outerHTML")
    assert caseload.canary not in page
    timeline = _text(browser, "#tijdlijn")
    assert "Ziekmelding geregistreerd" in timeline
    assert "beperkt in tillen" in timeline  # the functional part of the probleemanalyse
    soorten = browser.evaluate(
        "[...document.querySelectorAll('#tijdlijn tbody tr')].map(r => r.cells[2].innerText)"
    )
    assert set(soorten) == {"administratief", "functioneel"}
    assert _text(browser, "#zichtbaar") == "U ziet: administratief, functioneel"

    overdue = browser.evaluate(
        "[...document.querySelectorAll('#kalender tr.verlopen')].map(r => ["
        "r.title, r.innerText, getComputedStyle(r).backgroundColor])"
    )
    codes = {code for code, _, _ in overdue}
    assert {"oordeel_gerapporteerd", "probleemanalyse_besproken"} <= codes
    assert all("Verlopen" in text for _, text, _ in overdue)
    on_time = browser.evaluate(
        "getComputedStyle(document.querySelector('#kalender tr.op_tijd')).backgroundColor"
    )
    assert {colour for _, _, colour in overdue} == {"rgb(253, 226, 225)"} != {on_time}

    browser.click("#vorige")  # back to page one; the open dossier stays in view
    browser.wait_for(f"{ROWS} === 10")
    assert _text(browser, "#dossiernummer") == caseload.dossier_id

    shot = browser.screenshot(tmp_path / "screenshot-werkgever.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("WVP_SCREENSHOT_DIR"):
        browser.screenshot(Path(os.environ["WVP_SCREENSHOT_DIR"]) / shot.name)


def test_the_bedrijfsarts_signs_in_with_a_pasted_token_and_sees_the_medical_content(
    server, caseload, browser
):
    browser.goto(f"{server.url}/app/")
    browser.wait_for("!document.getElementById('aanmelden').hidden")
    geplakt = token("bedrijfsarts")  # minted once: a token names the second it was issued
    browser.evaluate(
        f"document.getElementById('token').value = 'Bearer {geplakt}';"
        "document.querySelector('#aanmeldformulier button').click()"
    )
    browser.wait_for(f"{ROWS} === 1")  # only its own patient
    assert browser.evaluate("sessionStorage.getItem('wvp.token')") == geplakt
    _open(browser, caseload.dossier_id)
    assert f"{caseload.canary} diagnose" in _text(browser, "#tijdlijn")
    assert _text(browser, "#zichtbaar") == "U ziet: administratief, functioneel, medisch"

    browser.click("#afmelden")
    browser.wait_for("!document.getElementById('aanmelden').hidden")
    assert browser.evaluate("sessionStorage.getItem('wvp.token')") is None


def test_a_bad_token_is_refused_on_the_page(server, browser):
    browser.goto(f"{server.url}/app/#token=niet-geldig")
    message = browser.wait_for("document.getElementById('melding').innerText")
    assert message.startswith("Aanmelden mislukt")
    assert browser.evaluate("!document.getElementById('aanmelden').hidden")


def test_the_page_is_served_with_a_strict_content_policy(server):
    page = server.client.get(f"{server.url}/app/")
    assert page.status_code == 200 and "Mijn caseload" in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert page.headers["referrer-policy"] == "no-referrer"
    assert (
        server.client.get(f"{server.url}/app/app.js")
        .headers["content-type"]
        .startswith("text/javascript")
    )
    assert server.client.get(f"{server.url}/app/../gateway/settings.py").status_code == 404
    assert server.client.get(f"{server.url}/app/schema.graphql").status_code == 404
    assert server.client.get(f"{server.url}/").headers["location"] == "/app/"
