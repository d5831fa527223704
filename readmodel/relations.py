"""Who is tied to a dossier: the one relation table the policy input and the caseload both use.

`RELATIEFEITEN` says, per fact type, what that fact ties to the dossier; `fold` applies it to a
dossier's facts. The policy input (`policies.context`) reads the folded facts of one dossier, the
dossier index (`readmodel.index`) the keys they yield (`sleutels`), so "who may be asked about a
dossier" and "who the policy judges tied to it" can never drift apart.
Delegations live outside dossiers in the bedrijfsarts service and are followed through its
notification log (delegation facts only).
"""

import copy
import functools
from collections.abc import Callable, Iterable
from typing import Any

from eventsourcing.utils import get_topic

from events import Actor
from readmodel.port import DossierLogs, positions
from services.bedrijfsarts.domainmodel import Taakdelegatie
from services.providerboog.domainmodel import ProviderDossier
from services.uwv_submission.domainmodel import UwvDossier
from services.werkgever.domainmodel import Verzuimdossier

Feiten = dict[str, Any]


def no_facts(dossier_id: str) -> Feiten:
    """The relation facts of a dossier nobody is tied to yet (the shape `access.rego` reads)."""
    return {
        "id": dossier_id,
        "werknemer_id": None,
        "werkgever_id": None,
        "bedrijfsarts": None,
        "casemanager": None,
        "casemanagers": [],
        "arbeidsdeskundige": None,
        "verwezen_providers": [],
        "geaccepteerde_providers": [],
        "verwijzingen": {},
        "verzekeraars": [],
        "melding_42_weken": False,
        "cmtd_actoren": [],
    }


def _add(items: list, item: Any) -> None:
    if item not in items:
        items.append(item)


def _opening(facts: Feiten, data: dict[str, Any]) -> None:
    if not facts["werknemer_id"]:
        facts["werknemer_id"] = data["werknemer_id"]
        facts["werkgever_id"] = data["werkgever_id"]


def _casemanager(facts: Feiten, data: dict[str, Any]) -> None:
    facts["casemanager"] = data["persoon_id"]
    _add(facts["casemanagers"], data["persoon_id"])


def _aangewezen(rol: str) -> Callable[[Feiten, dict[str, Any]], None]:
    def apply(facts: Feiten, data: dict[str, Any]) -> None:
        facts[rol] = {k: data[k] for k in ("persoon_id", "organisatie")}

    return apply


def _verwezen(facts: Feiten, data: dict[str, Any]) -> None:
    _add(facts["verwezen_providers"], data["provider_id"])
    facts["verwijzingen"][data["verwijzing_id"]] = data["provider_id"]


def _geaccepteerd(facts: Feiten, data: dict[str, Any]) -> None:
    _add(facts["geaccepteerde_providers"], data["provider_id"])


def _verzekeraar(facts: Feiten, data: dict[str, Any]) -> None:
    _add(facts["verzekeraars"], data["verzekeraar_id"])


def _melding_42_weken(facts: Feiten, data: dict[str, Any]) -> None:
    facts["melding_42_weken"] = True


# Fact type -> how it changes the relation facts. A later fact replaces an earlier one only
# where both are recorded by one service (casemanager, bedrijfsarts), so folding each service's
# facts in its own order gives the same result as the merged history.
RELATIEFEITEN: dict[type, Callable[[Feiten, dict[str, Any]], None]] = {
    Verzuimdossier.ZiekmeldingGeregistreerd: _opening,
    Verzuimdossier.CasemanagerAangesteld: _casemanager,
    Verzuimdossier.BedrijfsartsToegewezen: _aangewezen("bedrijfsarts"),
    Verzuimdossier.ArbeidsdeskundigeToegewezen: _aangewezen("arbeidsdeskundige"),
    Verzuimdossier.VerzekeraarGeinformeerd: _verzekeraar,
    ProviderDossier.VerwijzingOntvangen: _verwezen,
    ProviderDossier.VerwijzingGeaccepteerd: _geaccepteerd,
    UwvDossier.Melding42WekenIngediend: _melding_42_weken,
}
_BY_NAME = {cls.__name__: apply for cls, apply in RELATIEFEITEN.items()}
# The other services open their part of a dossier with a copy of who it is about; a history read
# without the werkgever part (from Kafka, say) still names the employee through it.
_BY_NAME["DossierGeopend"] = _opening


@functools.cache  # asked on every index refresh; the answer is fixed per service and types
def of_service(service: str, types: tuple[type, ...]) -> tuple[str, ...]:
    """The topics of those `types` that `service` records, for reading only them from its log."""
    prefix = f"services.{service}."
    return tuple(get_topic(cls) for cls in types if cls.__module__.startswith(prefix))


def fold(facts: Feiten, history: Iterable[tuple[str, Any]]) -> bool:
    """Add the relation facts in `history` to `facts`; whether there was any event at all."""
    seen = False
    for _service, event in history:
        seen = True
        apply = _BY_NAME.get(type(event).__name__)
        if apply is not None:
            apply(facts, event.data)
        if event.actor.get("rol") == "cmtd":
            _add(facts["cmtd_actoren"], event.actor["persoon_id"])
    return seen


def dossier_facts(dossier_id: str, history: Iterable[tuple[str, Any]]) -> Feiten | None:
    """Who is tied to the dossier, from its history; None when nothing is recorded on it."""
    facts = no_facts(dossier_id)
    return facts if fold(facts, history) else None


# The key every UWV principal shares: UWV is tied to a dossier once the 42-weken melding is in.
_UWV = ("uwv", "melding_42_weken")


def sleutels(facts: Feiten) -> set[tuple[str, str]]:
    """The keys under which someone could be tied to a dossier with `facts` (the index side of
    the table; `relatie_sleutels` is the caller's side). "organisatie" collects every
    organisation playing a part: that is where a compliance team can hold a relation."""
    keys = {("werknemer", facts["werknemer_id"]), ("werkgever", facts["werkgever_id"])}
    keys.add(("organisatie", facts["werkgever_id"]))
    keys.update(("casemanager", p) for p in facts["casemanagers"])
    for rol in ("bedrijfsarts", "arbeidsdeskundige"):
        if facts[rol]:
            keys.add((rol, facts[rol]["persoon_id"]))
            keys.add(("organisatie", facts[rol]["organisatie"]))
    for provider in facts["verwezen_providers"] + facts["geaccepteerde_providers"]:
        keys.update({("provider", provider), ("organisatie", provider)})
    for verzekeraar in facts["verzekeraars"]:
        keys.update({("verzekeraar", verzekeraar), ("organisatie", verzekeraar)})
    if facts["melding_42_weken"]:
        keys.add(_UWV)
    return {k for k in keys if k[1] is not None}


def relatie_sleutels(actor: Actor) -> tuple[tuple[str, str], ...]:
    """The keys under which `actor` could hold a relation, by role (a CMTD's come from its
    delegations, see `readmodel.index.DossierIndex.candidates`)."""
    p, o = actor.persoon_id, actor.organisatie
    return {
        "werknemer": (("werknemer", p),),
        "werkgever": (("werkgever", o),),
        "casemanager": (("casemanager", p),),
        "bedrijfsarts": (("bedrijfsarts", p),),
        "arbeidsdeskundige": (("arbeidsdeskundige", p),),
        "provider": (("provider", p), ("provider", o)),
        "uwv": (_UWV,),
        "verzekeraar": (("verzekeraar", o),),
        "compliance": (("organisatie", o),),
    }.get(actor.rol.value, ())


class DossierFacts:
    """The relation facts of each dossier, kept up to date incrementally.

    A decision is taken for every command and read, so re-reading (and decrypting) a dossier's
    whole history each time would grow with the dossier; instead each service's part is read from
    the last version seen. Stored events are append-only, so this is exact, also when other
    processes write to the same stores.

    A batch (`get_many`, a caseload's) first reads how far every service's log has grown: a
    dossier whose facts were read when the logs stood exactly there has nothing new, so it costs
    no query. Facts only ever grow, so such a position stays a valid "complete up to" mark.
    """

    def __init__(self, logs: DossierLogs):
        self.logs = logs
        # dossier -> (last version per service, facts, any event seen, log position read before)
        self._known: dict[str, tuple[dict[str, int], Feiten, bool, tuple | None]] = {}

    def get(self, dossier_id: str) -> Feiten | None:
        return self._read(dossier_id, None)

    def get_many(self, dossier_ids: Iterable[str]) -> dict[str, Feiten | None]:
        # Read before the events, so an event committed meanwhile makes the mark stale, not lost.
        position = positions(self.logs)
        return {d: self._read(d, position) for d in dossier_ids}

    def _read(self, dossier_id: str, position: tuple | None) -> Feiten | None:
        known = self._known.get(dossier_id)
        if known is not None and position is not None and known[3] == position:
            facts, seen = known[1], known[2]
        else:
            versions, facts, seen, mark = known or ({}, no_facts(dossier_id), False, None)
            for log in self.logs.services:
                new = log.dossier_events(dossier_id, versions.get(log.name))
                if new:
                    versions[log.name] = new[-1].originator_version
                    seen = fold(facts, ((log.name, e) for e in new)) or seen
            self._known[dossier_id] = (versions, facts, seen, position or mark)
        return copy.deepcopy(facts) if seen else None


class Delegations:
    """Every taakdelegatie of the bedrijfsarts service, caught up from its notification log."""

    TOPICS = (
        get_topic(Taakdelegatie.TaakdelegatieVerleend),
        get_topic(Taakdelegatie.TaakdelegatieIngetrokken),
    )
    PAGE = 500

    def __init__(self, logs: DossierLogs | None):
        self.logs = logs  # its services exist only once it is started; None: fed by `apply`
        self.position = 0
        self.by_id: dict[str, dict[str, Any]] = {}

    def all(self) -> list[dict[str, Any]]:
        self._catch_up()
        return list(self.by_id.values())

    def _catch_up(self) -> None:
        log = self.logs.log("bedrijfsarts")
        last = log.position()
        while self.position < last:
            page = log.stored_notifications(self.position, self.PAGE, self.TOPICS, stop=last)
            for notification in page:
                self.apply(log.decode(notification))
            # A short page means no delegation fact is left up to `last`.
            self.position = page[-1].id if len(page) == self.PAGE else last

    def apply(self, event: Any) -> None:
        """Fold one delegation fact in (also for delegations read from elsewhere, e.g. Kafka)."""
        data = event.data
        if type(event).__name__ == "TaakdelegatieVerleend":
            self.by_id[data["delegatie_id"]] = {
                "delegatie_id": data["delegatie_id"],
                "bedrijfsarts_id": event.actor["persoon_id"],
                "gedelegeerde_id": data["gedelegeerde_id"],
                "taken": list(data["taken"]),
                "dossiers": data["dossiers"],
                "van": event.geldig_op.isoformat(),
                "tot": data["tot"],
                "ingetrokken_op": None,
            }
        else:
            self.by_id[data["delegatie_id"]]["ingetrokken_op"] = event.geldig_op.isoformat()
