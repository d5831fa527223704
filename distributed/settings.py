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
    # The gateway's consumer groups are named after this; each gateway (read model) needs its own.
    gateway_group: str = "gateway"
    # Where others reach a service, when not at host:port (in containers each has its own host).
    service_urls: Mapping[str, str] | None = None

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
            gateway_group=environ.get("WVP_GATEWAY_GROUP") or "gateway",
            service_urls={
                name: url.rstrip("/")
                for name in topology.BY_NAME
                if (url := environ.get(f"WVP_{name.upper()}_URL", "").strip())
            },
        )

    def url(self, service: str) -> str:
        """A service's control endpoint: WVP_<SERVICE>_URL, else this host and its port."""
        if self.service_urls and service in self.service_urls:
            return self.service_urls[service]
        return f"http://{self.host}:{self.ports[service]}"

    def urls(self) -> dict[str, str]:
        """Every service's control endpoint: where the gateway sends commands."""
        return {name: self.url(name) for name in topology.BY_NAME}
