"""The decision log: every allow and deny, per dossier, as an append-only event stream.

It has its own store, configured like the services' (SQLite file under WVP_DATA_DIR, or
PostgreSQL when WVP_DATABASE_URL is set), so an employee can learn who asked to see or change
their dossier, when, with what outcome and under which policy version.

Decisions are written by one writer thread with group commit: what is submitted while a commit
is under way goes into the next one, so readers working side by side share one commit (one fsync)
instead of queueing for one each. Nobody acts on a decision before its entry is committed.
"""

import os
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.application import Application
from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import IntegrityError

from events import Actor
from policies.engine import Decision
from services.shared import clock
from services.shared.application import NotificationLog
from services.shared.config import Settings

_NAMESPACE = uuid5(NAMESPACE_URL, "https://wvp.example/beslislog")
GEEN_DOSSIER = "-"  # the stream of decisions on commands outside any dossier


class BeslissingVastgelegd(DomainEvent):
    dossier_id: str | None
    principal: dict[str, Any]
    actie: str
    toegestaan: bool
    redenen: list[str]
    classificaties: list[str]
    beleidsversie: str


@dataclass(frozen=True)
class LoggedDecision:
    tijdstip: datetime
    dossier_id: str | None
    principal: dict[str, Any]
    actie: str
    toegestaan: bool
    redenen: tuple[str, ...]
    classificaties: tuple[str, ...]
    beleidsversie: str


@dataclass
class _Submitted:
    dossier_id: str | None
    fields: dict[str, Any]  # the entry's attributes but its stream position
    stored: Future[None]


class DecisionLog(NotificationLog, Application):
    name = "beslislog"
    ATTEMPTS = 5  # appends to one dossier's stream can race between processes
    BATCH = 256  # entries per commit at most

    def __init__(self, env: dict[str, str] | None = None):
        settings = Settings.from_env({**os.environ, **(env or {})})
        super().__init__(env={**settings.store_env(self.name), **(env or {})})
        self._queue: list[_Submitted] = []
        self._wakeup = threading.Condition()
        self._writer: threading.Thread | None = None
        self._closed = False

    @staticmethod
    def stream(dossier_id: str | None) -> UUID:
        return uuid5(_NAMESPACE, dossier_id or GEEN_DOSSIER)

    def record(
        self, principal: Actor, dossier_id: str | None, actie: str, decision: Decision
    ) -> None:
        """Log one decision; returns once it is committed."""
        self.submit(principal, dossier_id, actie, decision).result()

    def submit(
        self, principal: Actor, dossier_id: str | None, actie: str, decision: Decision
    ) -> Future[None]:
        """Log one decision; the future is done once the entry is committed (or has failed).

        Whoever takes the decision waits for the future before acting on it or answering.
        """
        submitted = _Submitted(
            dossier_id,
            {
                "timestamp": clock.now(),
                "dossier_id": dossier_id,
                "principal": principal.model_dump(mode="json"),
                "actie": actie,
                "toegestaan": decision.allowed,
                "redenen": list(decision.reasons),
                "classificaties": sorted(decision.classificaties),
                "beleidsversie": decision.policy_version,
            },
            Future(),
        )
        with self._wakeup:
            if self._closed:
                raise RuntimeError("the decision log is closed")
            self._queue.append(submitted)
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(
                    target=self._write, name="wvp-beslislog", daemon=True
                )
                self._writer.start()
            self._wakeup.notify()
        return submitted.stored

    def _write(self) -> None:
        while True:
            with self._wakeup:
                while not self._queue and not self._closed:
                    self._wakeup.wait()
                if not self._queue:
                    return  # closed, and everything submitted is written
                batch, self._queue = self._queue[: self.BATCH], self._queue[self.BATCH :]
            # A waiter that gave up (a cancelled request) is still logged: it was decided.
            waiting = [s.stored for s in batch if s.stored.set_running_or_notify_cancel()]
            try:
                self._commit(batch)
            except Exception as e:  # every waiter learns its entry was not stored
                for stored in waiting:
                    stored.set_exception(e)
            else:
                for stored in waiting:
                    stored.set_result(None)

    def _commit(self, batch: list[_Submitted]) -> None:
        """Store the batch in one transaction, each entry at the end of its dossier's stream."""
        for attempt in range(self.ATTEMPTS):
            positions: dict[UUID, int] = {}
            events = []
            for submitted in batch:
                stream = self.stream(submitted.dossier_id)
                if stream not in positions:
                    last = next(iter(self.events.get(stream, desc=True, limit=1)), None)
                    positions[stream] = 0 if last is None else last.originator_version
                positions[stream] += 1
                events.append(
                    BeslissingVastgelegd(
                        originator_id=stream,
                        originator_version=positions[stream],
                        **submitted.fields,
                    )
                )
            try:
                self.save(*events)
                return
            except IntegrityError:
                if attempt == self.ATTEMPTS - 1:
                    raise

    def close(self) -> None:
        """Write what was submitted, then close the store."""
        with self._wakeup:
            self._closed = True
            self._wakeup.notify()
        if self._writer is not None:
            self._writer.join()
        super().close()

    def access_log(self, dossier_id: str | None) -> list[LoggedDecision]:
        """Every decision on the dossier, oldest first (None: commands outside any dossier)."""
        return [
            LoggedDecision(
                tijdstip=e.timestamp,
                dossier_id=e.dossier_id,
                principal=e.principal,
                actie=e.actie,
                toegestaan=e.toegestaan,
                redenen=tuple(e.redenen),
                classificaties=tuple(e.classificaties),
                beleidsversie=e.beleidsversie,
            )
            for e in self.events.get(self.stream(dossier_id))
        ]
