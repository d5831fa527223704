"""A caller of the service processes: commands to the owning service, history from all.

`settle` waits until every follower has applied everything its leaders published (checked
twice in a row, so a reaction in flight cannot slip between two reads). Tests and simulations
use it to read their writes; production readers use the gateway's read model instead.
"""

import json
import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
from eventsourcing.persistence import StoredEvent

from distributed import codec, topology
from events import Actor
from services.catalog import COMMANDS
from services.shared import clock
from services.shared.commands import CommandResult
from services.shared.errors import CommandRejected


class RemoteCommandError(CommandRejected):
    """The service refused the command; `code` is its own (FORBIDDEN, VALIDATION, ...), so the
    gateway reports it as if the service ran in process."""

    def __init__(self, status: int, code: str, message: str):
        self.status, self.code = status, code
        super().__init__(message)


class NotSettled(TimeoutError):
    pass


def _event(row: dict[str, Any]) -> Any:
    return _MAPPER.to_domain_event(
        StoredEvent(
            UUID(row["originator_id"]),
            row["originator_version"],
            row["topic"],
            row["state"].encode(),
        )
    )


_MAPPER = codec.wire_mapper()


class RemotePlatform:
    """`execute` and `history` over the services' loopback control endpoints, without the policy
    (the endpoints trust their caller): for the Kafka gateway, which checks the policy first,
    and for tests and simulations. The recorded time is the caller's clock, honoured only by
    services started with WVP_SIMULATED_CLOCK."""

    def __init__(self, urls: dict[str, str], settle_timeout: float = 20.0, settle: bool = True):
        self.urls = urls
        self.http = httpx.Client(timeout=10.0)
        self.settle_timeout = settle_timeout
        self.auto_settle = settle

    def close(self) -> None:
        self.http.close()

    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        service = COMMANDS[command].name
        body = {
            "command": command,
            "actor": actor.model_dump(mode="json"),
            "dossier_id": dossier_id,
            "fields": json.loads(json.dumps(fields, default=str)),
            "recorded_at": clock.now().isoformat(),
        }
        response = self.http.post(f"{self.urls[service]}/commands", json=body)
        payload = response.json()
        if response.status_code != 200:
            raise RemoteCommandError(response.status_code, payload["code"], payload["message"])
        if self.auto_settle:
            self.settle()
        return CommandResult(payload["dossier_id"], [_event(r) for r in payload["events"]])

    def status(self) -> dict[str, dict[str, Any]]:
        return {name: self.http.get(f"{url}/status").json() for name, url in self.urls.items()}

    def lagging(self, status: dict[str, dict[str, Any]]) -> list[str]:
        """Edges where a follower has not applied all its leader published, or a leader has not
        published its whole log."""
        behind = [n for n, s in status.items() if s["relayed"] < s["notification_id"]]
        for follower in status:
            for leader in topology.leaders(follower):
                for stream, published in status[leader]["published"].items():
                    name = topology.tracking_name(leader, stream)
                    if status[follower]["tracking"][name] < published:
                        behind.append(f"{leader}->{follower} ({stream})")
        return behind

    def settle(
        self,
        timeout: float | None = None,
        lagging: Callable[[dict[str, dict[str, Any]]], list[str]] | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Wait until nothing lags (`lagging`, by default the services' own edges), twice in a
        row with the same status; NotSettled after `timeout`."""
        lagging = lagging or self.lagging
        deadline = time.monotonic() + (timeout or self.settle_timeout)
        previous = None
        while time.monotonic() < deadline:
            status = self.status()
            if not lagging(status) and status == previous:
                return status
            previous = status
            time.sleep(0.02)
        raise NotSettled(f"niet bijgewerkt: {lagging(self.status())}")

    def history(self, dossier_id: str) -> list[tuple[str, Any]]:
        """Every fact of a dossier from every service, ordered as `Platform.history` orders."""
        facts = [
            (name, _event(row))
            for name, url in self.urls.items()
            for row in self.http.get(f"{url}/history/{dossier_id}").json()
        ]
        return sorted(facts, key=lambda f: (f[1].timestamp, f[1].causation_id is not None))
