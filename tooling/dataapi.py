"""A local stand-in for an OPA server's Data API, answered by the embedded engine.

No OPA server binary can be installed here, so the server engine is exercised (tests, bench)
against this: `POST /v1/data/<path>` with `{"input": ...}` answers `{"result": ...}`, or `{}`
when the document is undefined, as OPA does; `GET /health` answers 200. It listens on 127.0.0.1
only. Production runs the real OPA server with the same bundle (deploy/).
"""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from policies.engine import EmbeddedEngine

MAX_BODY = 1_000_000


def _handler(engine: EmbeddedEngine) -> type[BaseHTTPRequestHandler]:
    class DataApi(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like OPA
        disable_nagle_algorithm = True  # headers and body go out in two writes

        def do_POST(self) -> None:
            if not self.path.startswith("/v1/data/"):
                return self._answer(404, {"code": "not_found", "message": self.path})
            length = int(self.headers.get("Content-Length", 0))
            if length > MAX_BODY:
                return self._answer(413, {"code": "too_large", "message": "body too large"})
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except json.JSONDecodeError as e:
                return self._answer(400, {"code": "invalid_parameter", "message": str(e)})
            path = self.path.removeprefix("/v1/data/").split("?")[0].strip("/").replace("/", ".")
            value = engine.evaluate(path, body.get("input"))
            self._answer(200, {} if value is None else {"result": value})

        def do_GET(self) -> None:
            self._answer(200 if self.path == "/health" else 404, {})

        def _answer(self, status: int, payload: dict) -> None:
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the decision log is where decisions are recorded."""

    return DataApi


@contextmanager
def serving(engine: EmbeddedEngine | None = None) -> Iterator[str]:
    """Serve the Data API on a free port of 127.0.0.1; yields its URL."""
    engine = engine or EmbeddedEngine()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(engine))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
