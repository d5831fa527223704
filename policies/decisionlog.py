"""The decision log: every allow and deny, per dossier, as an append-only event stream.

It has its own store, configured like the services' (SQLite file under WVP_DATA_DIR, or
PostgreSQL when WVP_DATABASE_URL is set), so an employee can learn who asked to see or change
their dossier, when, with what outcome and under which policy version.
"""

import os
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


class DecisionLog(Application):
    name = "beslislog"
    ATTEMPTS = 5  # appends to one dossier's stream can race between processes

    def __init__(self, env: dict[str, str] | None = None):
        settings = Settings.from_env({**os.environ, **(env or {})})
        super().__init__(env={**settings.store_env(self.name), **(env or {})})

    @staticmethod
    def stream(dossier_id: str | None) -> UUID:
        return uuid5(_NAMESPACE, dossier_id or GEEN_DOSSIER)

    def record(
        self, principal: Actor, dossier_id: str | None, actie: str, decision: Decision
    ) -> None:
        stream = self.stream(dossier_id)
        for attempt in range(self.ATTEMPTS):
            last = next(iter(self.events.get(stream, desc=True, limit=1)), None)
            event = BeslissingVastgelegd(
                originator_id=stream,
                originator_version=1 if last is None else last.originator_version + 1,
                timestamp=clock.now(),
                dossier_id=dossier_id,
                principal=principal.model_dump(mode="json"),
                actie=actie,
                toegestaan=decision.allowed,
                redenen=list(decision.reasons),
                classificaties=sorted(decision.classificaties),
                beleidsversie=decision.policy_version,
            )
            try:
                self.save(event)
                return
            except IntegrityError:
                if attempt == self.ATTEMPTS - 1:
                    raise

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
