"""What a runtime offers its readers: each service's log, and a dossier's history.

The embedded runtime's services and the Kafka gateway's replicas are both `ServiceLog`s (the
service application implements it), so every reader works on either.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import Notification, StoredEvent


class ServiceLog(Protocol):
    """One service's recorded facts, read only. Stored facts are append-only: a reader may keep
    what it read and later read only past the position or version it reached."""

    name: str

    def dossier_key(self, dossier_id: str) -> UUID: ...

    def dossier_events(self, dossier_id: str, after_version: int | None = None) -> list[Any]: ...

    def position(self) -> int: ...

    def stored_notifications(
        self, after: int, limit: int, topics: Sequence[str] = (), stop: int | None = None
    ) -> list[Notification]: ...

    def stored_dossier_events(self, dossier_id: str) -> list[StoredEvent]: ...

    def decode(self, stored: StoredEvent) -> Any: ...


class DossierLogs(Protocol):
    """Every service's log, and a dossier's facts from all of them in recorded order."""

    @property
    def services(self) -> Sequence[ServiceLog]: ...

    def log(self, name: str) -> ServiceLog: ...

    def history(self, dossier_id: str) -> list[tuple[str, Any]]: ...


def positions(logs: DossierLogs) -> tuple[int, ...]:
    """How far every service's log has grown: a cheap test whether anything was recorded."""
    return tuple(log.position() for log in logs.services)


def notifications(log: ServiceLog, topics: Sequence[str] = (), after: int = 0, page: int = 1000):
    """Every stored (still encoded) fact of `log` past `after`, of `topics` when given, in
    notification order, read a page at a time."""
    while True:
        batch = log.stored_notifications(after, page, topics=topics)
        yield from batch
        if len(batch) < page:
            return
        after = batch[-1].id


def in_recorded_order(facts: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """(service, event) pairs by recorded time, reactions after their causes: with a frozen
    clock a command and the reactions to it share one timestamp. A stable sort, so pairs given
    service by service keep that order among equals."""
    return sorted(facts, key=lambda fact: (fact[1].timestamp, fact[1].causation_id is not None))


class Histories:
    """Each dossier's history, read whole once and afterwards only what was recorded since.

    Decoding (for the medical services: decrypting) every fact again on every read grows with the
    dossier. Stored facts are append-only, so reading each service's part past the last version
    seen is exact, also when other processes write to the same stores. The facts are shared
    between readers and must not be changed; the least recently read dossiers are dropped.
    """

    SIZE = 1024  # dossiers kept

    def __init__(self, logs: DossierLogs):
        self.logs = logs
        self._lock = threading.Lock()
        self._known: OrderedDict[str, tuple[dict[str, list[Any]], list[tuple[str, Any]]]] = (
            OrderedDict()
        )

    def get(self, dossier_id: str) -> list[tuple[str, Any]]:
        with self._lock:
            parts, merged = self._known.pop(dossier_id, None) or ({}, [])
            grown = False
            for log in self.logs.services:
                part = parts.setdefault(log.name, [])
                last = part[-1].originator_version if part else None
                new = log.dossier_events(dossier_id, last)
                if new:
                    part.extend(new)
                    grown = True
            if grown:
                merged = in_recorded_order(
                    (service, e) for service, part in parts.items() for e in part
                )
            if merged:  # ids never recorded on are not kept: they would only crowd the cache
                self._known[dossier_id] = (parts, merged)
                if len(self._known) > self.SIZE:
                    self._known.popitem(last=False)
            return list(merged)
