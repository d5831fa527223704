"""Read models the gateway builds from the services' events.

`DossierIndex` follows the services' notification logs to know every dossier (the ziekmelding
always starts there), with what caseload filters need and the relation facts that tell, cheaply,
on which dossiers a caller could hold a relation at all; on the way it keeps the provider
catalogue, which belongs to no dossier. A dossier's timeline is read from every
service's history when asked and cut to the requested valid and recorded time.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from eventsourcing.utils import get_topic

from events import Actor
from policies.context import Delegations
from readmodel.port import DossierLogs, notifications
from services.providerboog.domainmodel import Provider, ProviderDossier
from services.shared.application import event_id
from services.uwv_submission.domainmodel import UwvDossier
from services.werkgever.domainmodel import Verzuimdossier

_MELDING_42_WEKEN = ("uwv", "melding_42_weken")  # the key every UWV principal shares


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


# Relation facts per service: type -> the (key kind, data field) pairs it ties to the dossier.
# Kinds mirror the relations of policies/access.rego; "organisatie" collects every organisation
# playing a part, which is where a compliance principal's organisation can hold a relation.
_RELATIEFEITEN: dict[str, dict[type, tuple[tuple[str, str], ...]]] = {
    "werkgever": {
        Verzuimdossier.ZiekmeldingGeregistreerd: (
            ("werknemer", "werknemer_id"),
            ("werkgever", "werkgever_id"),
            ("organisatie", "werkgever_id"),
        ),
        Verzuimdossier.ZiekmeldingSamengeteld: (),
        Verzuimdossier.HerstelmeldingGeregistreerd: (),
        Verzuimdossier.CasemanagerAangesteld: (("casemanager", "persoon_id"),),
        Verzuimdossier.BedrijfsartsToegewezen: (
            ("bedrijfsarts", "persoon_id"),
            ("organisatie", "organisatie"),
        ),
        Verzuimdossier.ArbeidsdeskundigeToegewezen: (
            ("arbeidsdeskundige", "persoon_id"),
            ("organisatie", "organisatie"),
        ),
        Verzuimdossier.VerzekeraarGeinformeerd: (
            ("verzekeraar", "verzekeraar_id"),
            ("organisatie", "verzekeraar_id"),
        ),
    },
    "providerboog": {
        Provider.ProviderGeregistreerd: (),  # a catalogue entry, outside any dossier
        ProviderDossier.VerwijzingOntvangen: (
            ("provider", "provider_id"),
            ("organisatie", "provider_id"),
        ),
        ProviderDossier.VerwijzingGeaccepteerd: (
            ("provider", "provider_id"),
            ("organisatie", "provider_id"),
        ),
    },
    "uwv_submission": {UwvDossier.Melding42WekenIngediend: ()},
}


def relatie_sleutels(actor: Actor) -> tuple[tuple[str, str], ...]:
    """The keys under which `actor` could hold a relation, by role (a CMTD's come from its
    delegations, see `DossierIndex.candidates`)."""
    p, o = actor.persoon_id, actor.organisatie
    return {
        "werknemer": (("werknemer", p),),
        "werkgever": (("werkgever", o),),
        "casemanager": (("casemanager", p),),
        "bedrijfsarts": (("bedrijfsarts", p),),
        "arbeidsdeskundige": (("arbeidsdeskundige", p),),
        "provider": (("provider", p), ("provider", o)),
        "uwv": (_MELDING_42_WEKEN,),
        "verzekeraar": (("verzekeraar", o),),
        "compliance": (("organisatie", o),),
    }.get(actor.rol.value, ())


@dataclass
class DossierIndex:
    """Every dossier and every relation fact ever recorded on it, kept current by reading the
    services' notification logs from where the last refresh stopped.

    Keys are only ever added, never removed (a replaced bedrijfsarts keeps its key): the index
    over-approximates who could hold a relation, and the policy decides who does.
    """

    logs: DossierLogs
    positions: dict[str, int] = field(default_factory=dict)
    dossiers: dict[str, DossierRecord] = field(default_factory=dict)
    by_key: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    providers: dict[str, dict[str, Any]] = field(default_factory=dict)  # the catalogue, by id
    delegations: Delegations = field(init=False)

    def __post_init__(self) -> None:
        self.delegations = Delegations(self.logs)

    def refresh(self) -> "DossierIndex":
        for service, facts in _RELATIEFEITEN.items():
            log = self.logs.log(service)
            topics = [get_topic(cls) for cls in facts]
            for notification in notifications(log, topics, self.positions.get(service, 0)):
                self._apply(log.decode(notification), facts)
                self.positions[service] = notification.id
        return self

    def _apply(self, event: Any, facts: dict[type, tuple[tuple[str, str], ...]]) -> None:
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
        elif kind == "HerstelmeldingGeregistreerd":
            self.dossiers[event.dossier_id].hersteld_op = event.geldig_op
        elif kind == "Melding42WekenIngediend":
            self.by_key[_MELDING_42_WEKEN].add(event.dossier_id)
        elif kind == "ProviderGeregistreerd":
            self.providers[event.data["provider_id"]] = {**event.data, "sinds": event.geldig_op}
        for sleutel, veld in facts[type(event)]:
            self.by_key[(sleutel, event.data[veld])].add(event.dossier_id)

    def ordered(self, records: Iterable[DossierRecord] | None = None) -> list[DossierRecord]:
        """Most recent first; the dossier id breaks ties so cursors stay stable."""
        return sorted(
            self.dossiers.values() if records is None else records,
            key=lambda r: (r.eerste_ziektedag, r.dossier_id),
            reverse=True,
        )

    def candidates(self, actor: Actor) -> list[DossierRecord]:
        """The dossiers on which `actor` could hold a relation, ordered: a superset of its
        caseload that only leaves out dossiers where no relation fact names it."""
        self.refresh()
        keys = set(relatie_sleutels(actor))
        ids: set[str] = set()
        if actor.rol.value == "cmtd":  # through any delegation it ever got, active or not
            for d in self.delegations.all():
                if d["gedelegeerde_id"] != actor.persoon_id:
                    continue
                if d["dossiers"] is None:
                    keys.add(("bedrijfsarts", d["bedrijfsarts_id"]))
                else:
                    ids.update(d["dossiers"])
        for key in keys:
            ids |= self.by_key.get(key, set())
        return self.ordered(self.dossiers[i] for i in ids if i in self.dossiers)


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
    """The facts of a dossier history (recorded order) valid on `as_of` and known at `known_at`:
    the same cut whether the history comes from the stores or from Kafka."""
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
