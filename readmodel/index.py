"""The dossier index: every dossier, what a caseload lists and filters on, and who could be tied
to it; on the way the provider catalogue, which belongs to no dossier.

It follows the services' notification logs (through `readmodel.port`) from where the last
refresh stopped, reading only the facts it needs. Who could be tied to a dossier comes from the
one relation table (`readmodel.relations`) the policy input uses too.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from events import Actor
from readmodel import relations, state
from readmodel.port import DossierLogs, notifications
from readmodel.timeline import Entry, entry_of
from services.providerboog.domainmodel import Provider
from services.werkgever.domainmodel import Verzuimdossier


@dataclass
class DossierRecord:
    """What the index knows of one dossier: enough to list, filter and order a caseload."""

    dossier_id: str
    werknemer_id: str
    werkgever_id: str
    eerste_ziektedag: date
    hersteld_op: date | None = None
    ingetrokken: bool = False

    @property
    def is_open(self) -> bool:
        return self.hersteld_op is None and not self.ingetrokken


# What the index reads besides the relation facts: the sickness' course, its corrections and
# withdrawal (state.VERLOOP and the rest below), and the catalogue.
_VERLOOP = (
    Verzuimdossier.HerstelmeldingGeregistreerd,
    Verzuimdossier.ZiekmeldingSamengeteld,
    Verzuimdossier.HerstelGecorrigeerd,
    Verzuimdossier.EersteZiektedagGecorrigeerd,
    Verzuimdossier.ZiekmeldingIngetrokken,
)
_VERLOOP_NAMEN = frozenset(cls.__name__ for cls in _VERLOOP)
_GELEZEN = (*relations.RELATIEFEITEN, *_VERLOOP, Provider.ProviderGeregistreerd)


@dataclass
class DossierIndex:
    """Every dossier and every key under which someone was ever tied to it, kept current by
    reading the services' notification logs from where the last refresh stopped.

    Keys are only ever added, never removed (a replaced bedrijfsarts keeps its key): the index
    over-approximates who could hold a relation, and the policy decides who does.
    """

    logs: DossierLogs
    positions: dict[str, int] = field(default_factory=dict)
    dossiers: dict[str, DossierRecord] = field(default_factory=dict)
    by_key: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    providers: dict[str, dict[str, Any]] = field(default_factory=dict)  # the catalogue, by id
    delegations: relations.Delegations = field(init=False)
    _relaties: dict[str, relations.Feiten] = field(default_factory=dict, repr=False)
    _verloop: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list), repr=False)

    def __post_init__(self) -> None:
        self.delegations = relations.Delegations(self.logs)

    def refresh(self) -> "DossierIndex":
        for log in self.logs.services:
            topics = relations.of_service(log.name, _GELEZEN)
            for notification in notifications(log, topics, self.positions.get(log.name, 0)):
                self._apply(log.name, log.decode(notification))
                self.positions[log.name] = notification.id
        return self

    def _apply(self, service: str, event: Any) -> None:
        kind = type(event).__name__
        if kind == "ProviderGeregistreerd":
            self.providers[event.data["provider_id"]] = {**event.data, "sinds": event.geldig_op}
            return
        dossier_id = event.dossier_id
        if kind == "ZiekmeldingGeregistreerd":
            self.dossiers[dossier_id] = DossierRecord(
                dossier_id, event.data["werknemer_id"], event.data["werkgever_id"], event.geldig_op
            )
        elif kind in _VERLOOP_NAMEN:
            verloop = self._verloop[dossier_id]
            verloop.append(entry_of(service, event))
            record = self.dossiers[dossier_id]
            record.hersteld_op = state.hersteld_op(verloop)
            record.eerste_ziektedag = state.eerste_ziektedag(verloop) or record.eerste_ziektedag
            record.ingetrokken = state.ingetrokken(verloop)
            return
        facts = self._relaties.setdefault(dossier_id, relations.no_facts(dossier_id))
        relations.fold(facts, [(service, event)])
        for key in relations.sleutels(facts):
            self.by_key[key].add(dossier_id)

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
        keys = set(relations.relatie_sleutels(actor))
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
