"""Headless Chromium driven over the Chrome DevTools protocol (websockets, no chromedriver).

`Browser.start()` runs Chromium on a fresh profile with a debugging port on 127.0.0.1, opens one
page and talks to it over the DevTools websocket; every wait is bounded.
"""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import ClientConnection, connect

from tests.gateway.support import free_port
from tooling.subprocesses import end

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def require_chromium() -> None:
    """Skip when Chromium is missing, unless WVP_REQUIRE_BROWSER says it must be there (CI)."""
    if CHROMIUM.exists():
        return
    reason = f"headless Chromium ({CHROMIUM}) is not installed: apt-get install chromium"
    if os.environ.get("WVP_REQUIRE_BROWSER"):
        pytest.fail(f"{reason} (WVP_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


class BrowserError(RuntimeError):
    pass


@dataclass
class Browser:
    process: subprocess.Popen
    profile: Path
    ws: ClientConnection
    closing: ExitStack
    session: str = ""
    _next_id: int = 0
    events: list[dict] = field(default_factory=list)

    @classmethod
    def start(cls, width: int = 1280, height: int = 900) -> "Browser":
        profile = Path(tempfile.mkdtemp(prefix="wvp-chromium-"))
        port = free_port()
        process = subprocess.Popen(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-address=127.0.0.1",
                f"--remote-debugging-port={port}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            endpoint = _debugger_url(port, process)
            closing = ExitStack()
            ws = closing.enter_context(connect(endpoint, max_size=None, open_timeout=10))
            browser = cls(process, profile, ws, closing)
            target = browser.send("Target.createTarget", url="about:blank")["targetId"]
            attached = browser.send("Target.attachToTarget", targetId=target, flatten=True)
            browser.session = attached["sessionId"]
            browser.send("Page.enable")
            browser.send("Runtime.enable")
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                width=width,
                height=height,
                deviceScaleFactor=1,
                mobile=False,
            )
            return browser
        except Exception:
            process.kill()
            process.wait(timeout=10)
            shutil.rmtree(profile, ignore_errors=True)
            raise

    def send(self, method: str, timeout: float = 15, **params: Any) -> dict:
        """One DevTools command; the page's session once attached, else the browser's."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            answer = json.loads(self.ws.recv(timeout=left))
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)
        raise BrowserError(f"{method}: no answer within {timeout} s")

    def goto(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 15) -> Any:
        """Poll a JS expression until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise BrowserError(f"not true within {timeout} s: {expression}")

    def click(self, selector: str) -> None:
        found = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return false; e.click(); return true; })()"
        )
        if not found:
            raise BrowserError(f"nothing to click at {selector}")

    def screenshot(self, path: Path) -> Path:
        """The whole page, not only the viewport, as PNG."""
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        try:
            self.closing.close()
        finally:
            end(self.process)
            shutil.rmtree(self.profile, ignore_errors=True)


def _debugger_url(port: int, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BrowserError(f"chromium exited with {process.returncode}")
        try:
            version = httpx.get(f"http://127.0.0.1:{port}/json/version", timeout=2).json()
            return version["webSocketDebuggerUrl"]
        except (httpx.TransportError, ValueError, KeyError):
            time.sleep(0.2)
    raise BrowserError("chromium did not open its debugging port within 30 s")
