"""Start and stop the five service processes of the distributed runtime, and the gateway over
Kafka (tests, bench)."""

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from distributed import topology
from tooling.subprocesses import WVP, wait_or_kill
from tooling.tansu import free_port

REPO = Path(__file__).resolve().parents[1]
GATEWAY = "gateway"  # the gateway's process name, data dir and log


@dataclass
class ServiceProcesses:
    """Each service in its own Python process with its own data dir; only its own key."""

    bootstrap: str
    root: Path
    keys: Path
    env: dict[str, str] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ports = {name: free_port() for name in topology.BY_NAME}

    @property
    def urls(self) -> dict[str, str]:
        return {name: f"http://127.0.0.1:{port}" for name, port in self.ports.items()}

    def environment(self, name: str) -> dict[str, str]:
        env = {
            **os.environ,
            "WVP_KAFKA_BOOTSTRAP": self.bootstrap,
            "WVP_DATA_DIR": str(self.root / name),
            "WVP_KAFKA_PUBLIC_KEYS": str(self.keys),
            "WVP_KAFKA_PRIVATE_KEY": str(self.keys / f"{name}.key.pem"),
            **{f"WVP_{n.upper()}_PORT": str(p) for n, p in self.ports.items()},
            **self.env,
        }
        return env

    def start(self, name: str, timeout: float = 30.0) -> None:
        self.launch(name)
        self.wait_ready(name, timeout)

    def launch(self, name: str) -> None:
        self._spawn(name, ["service", name], self.environment(name))

    def _spawn(self, name: str, args: list[str], env: dict[str, str]) -> None:
        log = (self.root / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            [WVP, *args],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )

    def start_gateway(self, env: dict[str, str] | None = None, timeout: float = 30.0) -> str:
        """The GraphQL gateway over Kafka, with the bedrijfsarts-side key and a store of its
        own; returns its base URL once it answers."""
        port = free_port()
        gateway_env = {
            **self.environment(GATEWAY),
            "WVP_KAFKA_PRIVATE_KEY": str(self.keys / f"{topology.BEDRIJFSARTS_ZIJDE}.key.pem"),
            **(env or {}),
        }
        self._spawn(GATEWAY, ["gateway", "--port", str(port)], gateway_env)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes[GATEWAY].poll() is not None:
                raise RuntimeError(f"gateway ended with {self.processes[GATEWAY].returncode}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    return url
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"gateway not ready within {timeout}s")

    def wait_ready(self, name: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} ended with {self.processes[name].returncode}")
            try:
                if httpx.get(f"{self.urls[name]}/status", timeout=1).json()["connected"]:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"{name} not ready within {timeout}s")

    def start_all(self, timeout: float = 30.0) -> None:
        # Side by side: each spends seconds joining its consumer group.
        for name in topology.BY_NAME:
            self.launch(name)
        for name in topology.BY_NAME:
            self.wait_ready(name, timeout)

    def kill(self, name: str) -> None:
        """SIGKILL: no clean shutdown, as in a crash."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            wait_or_kill(process)
        self.processes.clear()
