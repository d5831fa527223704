"""Configuration of a service process in the distributed runtime."""

import os
from collections.abc import Mapping
from dataclasses import dataclass

from distributed import topology

# Loopback control ports when none are configured: werkgever 8101, bedrijfsarts 8102, ...
BASE_PORT = 8100


@dataclass(frozen=True)
class DistributedSettings:
    bootstrap: str
    host: str = "127.0.0.1"
    ports: Mapping[str, int] | None = None
    public_keys: str | None = None  # directory with <recipient>.pub.pem
    private_key: str | None = None  # this process's own key, if it is a medical recipient
    simulated_clock: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "DistributedSettings":
        bootstrap = environ.get("WVP_KAFKA_BOOTSTRAP", "").strip()
        if not bootstrap:
            raise SystemExit("WVP_KAFKA_BOOTSTRAP is niet gezet (bijv. 127.0.0.1:9092)")
        ports = {
            name: int(environ.get(f"WVP_{name.upper()}_PORT") or BASE_PORT + 1 + index)
            for index, name in enumerate(topology.BY_NAME)
        }
        return cls(
            bootstrap=bootstrap,
            host=environ.get("WVP_SERVICE_HOST", "127.0.0.1"),
            ports=ports,
            public_keys=environ.get("WVP_KAFKA_PUBLIC_KEYS") or None,
            private_key=environ.get("WVP_KAFKA_PRIVATE_KEY") or None,
            simulated_clock=environ.get("WVP_SIMULATED_CLOCK", "") in ("1", "true", "yes"),
        )

    def url(self, service: str) -> str:
        return f"http://{self.host}:{self.ports[service]}"
