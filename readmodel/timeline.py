"""A dossier's timeline: its facts from every service as the read side shows them, cut to a valid
and a recorded time, and who takes part in it.

The same cut serves a history read from the stores and one read from Kafka, so a GraphQL query,
a replay and an evidence bundle with the same arguments see the same facts.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from readmodel.port import DossierLogs
from services.shared.application import event_id


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
    logs: DossierLogs,
    dossier_id: str,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> list[Entry]:
    """The dossier's facts from every service, in recorded order, as valid on `as_of` and as
    known at `known_at`."""
    return cut(logs.history(dossier_id), as_of, known_at)


def cut(
    history: Iterable[tuple[str, Any]], as_of: date | None = None, known_at: datetime | None = None
) -> list[Entry]:
    """The facts of a dossier history (recorded order) valid on `as_of` and known at `known_at`."""
    entries = []
    for service, event in history:
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
