"""Read models the gateway builds from the services' events.

`DossierIndex` follows the werkgever service's notification log to know every dossier (the
ziekmelding always starts there), with what caseload filters need. A dossier's timeline is read
from every service's history when asked and cut to the requested valid and recorded time.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from eventsourcing.utils import get_topic

from services.shared.application import event_id
from services.werkgever.domainmodel import Verzuimdossier
from wvp.runtime import Platform

_BATCH = 500


@dataclass
class DossierRecord:
    """What the index knows of one dossier: enough to list, filter and order a caseload."""

    dossier_id: str
    werknemer_id: str
    werkgever_id: str
    eerste_ziektedag: date
    hersteld_op: date | None = None

    @property
    def is_open(self) -> bool:
        return self.hersteld_op is None


@dataclass
class DossierIndex:
    """Every dossier, kept current by reading the werkgever notification log from a position."""

    platform: Platform
    position: int = 0
    dossiers: dict[str, DossierRecord] = field(default_factory=dict)

    _TOPICS = tuple(
        get_topic(cls)
        for cls in (
            Verzuimdossier.ZiekmeldingGeregistreerd,
            Verzuimdossier.ZiekmeldingSamengeteld,
            Verzuimdossier.HerstelmeldingGeregistreerd,
        )
    )

    def refresh(self) -> "DossierIndex":
        app = self.platform.werkgever
        while True:
            batch = app.recorder.select_notifications(
                self.position, _BATCH, topics=self._TOPICS, inclusive_of_start=False
            )
            for notification in batch:
                self._apply(app.mapper.to_domain_event(notification))
                self.position = notification.id
            if len(batch) < _BATCH:
                return self

    def _apply(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "ZiekmeldingGeregistreerd":
            self.dossiers[event.dossier_id] = DossierRecord(
                event.dossier_id,
                event.data["werknemer_id"],
                event.data["werkgever_id"],
                event.geldig_op,
            )
        elif kind == "ZiekmeldingSamengeteld":
            self.dossiers[event.dossier_id].hersteld_op = None
        else:
            self.dossiers[event.dossier_id].hersteld_op = event.geldig_op

    def ordered(self) -> list[DossierRecord]:
        """Most recent first; the dossier id breaks ties so cursors stay stable."""
        return sorted(
            self.dossiers.values(), key=lambda r: (r.eerste_ziektedag, r.dossier_id), reverse=True
        )


@dataclass(frozen=True)
class Entry:
    """One fact of the timeline, as the read side shows it."""

    id: str
    type: str
    service: str
    classificatie: str
    geldig_op: date
    recorded_at: datetime
    actor: dict[str, str]
    data: dict[str, Any]
    hash: str
    event: Any = field(repr=False, compare=False)


def entry_of(service: str, event: Any) -> Entry:
    return Entry(
        id=event_id(event),
        type=type(event).__name__,
        service=service,
        classificatie=event.classificatie,
        geldig_op=event.geldig_op,
        recorded_at=event.timestamp,
        actor=dict(event.actor),
        data=dict(event.data),
        hash=event.hash,
        event=event,
    )


def timeline(
    platform: Platform,
    dossier_id: str,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> list[Entry]:
    """The dossier's facts from every service, in recorded order, as valid on `as_of` and as
    known at `known_at`."""
    entries = []
    for service, event in platform.history(dossier_id):
        if as_of is not None and event.geldig_op > as_of:
            continue
        if known_at is not None and event.timestamp > known_at:
            continue
        entries.append(entry_of(service, event))
    return entries


@dataclass(frozen=True)
class Deelnemer:
    rol: str
    persoon_id: str | None
    organisatie: str | None
    sinds: date


# Facts that name a participant who may not have acted yet: type -> (role, person key, org key).
_AANWIJZINGEN = {
    "ZiekmeldingGeregistreerd": ("werknemer", "werknemer_id", None),
    "CasemanagerAangesteld": ("casemanager", "persoon_id", None),
    "BedrijfsartsToegewezen": ("bedrijfsarts", "persoon_id", "organisatie"),
    "ArbeidsdeskundigeToegewezen": ("arbeidsdeskundige", "persoon_id", "organisatie"),
}


def deelnemers(entries: list[Entry]) -> list[Deelnemer]:
    """Everyone named or acting in `entries`, first appearance first.

    Derived only from the entries given, so a participant known solely from hidden facts (a
    psycholoog a bedrijfsarts referred to) stays hidden as well.
    """
    found: dict[tuple[str, str | None], Deelnemer] = {}

    def add(rol: str, persoon: str | None, organisatie: str | None, sinds: date) -> None:
        key = (rol, persoon or organisatie)
        if key not in found:
            found[key] = Deelnemer(rol, persoon, organisatie, sinds)

    for entry in entries:
        if entry.type == "ZiekmeldingGeregistreerd":
            add("werkgever", None, entry.data["werkgever_id"], entry.geldig_op)
        named = _AANWIJZINGEN.get(entry.type)
        if named is not None:
            rol, person_key, org_key = named
            org = entry.data[org_key] if org_key else None
            add(rol, entry.data[person_key], org, entry.geldig_op)
        if entry.actor.get("rol") != "systeem":
            add(
                entry.actor["rol"],
                entry.actor["persoon_id"],
                entry.actor["organisatie"],
                entry.geldig_op,
            )
    return list(found.values())
