"""The policy input for one principal, action and dossier, built from recorded facts.

The dossier part comes from the services' logs (`readmodel.port.DossierLogs`), read past what
was seen before; delegations live outside dossiers in the bedrijfsarts service and are followed
through its notification log (delegation facts only).
Only identifiers reach the policy: command fields are cut down to the few ids the rules need,
so no health data travels to an OPA server.
"""

import copy
from collections.abc import Iterable
from typing import Any

from eventsourcing.utils import get_topic

from events import Actor
from readmodel.port import DossierLogs, positions
from services.bedrijfsarts.domainmodel import Taakdelegatie
from services.shared import clock

# The command fields a rule looks at; everything else stays out of the policy input.
POLICY_FIELDS = (
    "werkgever_id",
    "persoon_id",
    "gedelegeerde_id",
    "delegatie_id",
    "provider_id",
    "verwijzing_id",
    "dossiers",
)


def dossier_facts(dossier_id: str, history: Iterable[tuple[str, Any]]) -> dict[str, Any] | None:
    """Who is tied to the dossier, from its history; None when nothing is recorded on it."""
    facts = _no_facts(dossier_id)
    return facts if _fold(facts, history) else None


def _no_facts(dossier_id: str) -> dict[str, Any]:
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


def _fold(facts: dict[str, Any], history: Iterable[tuple[str, Any]]) -> bool:
    """Add the relation facts in `history` to `facts`; whether there was any event at all.

    Every fact a later one replaces (casemanager, bedrijfsarts) is recorded by one service, so
    folding each service's events in its own order gives the same result as the merged history.
    """
    seen = False
    for _service, event in history:
        seen = True
        kind, data = type(event).__name__, event.data
        if kind in ("ZiekmeldingGeregistreerd", "DossierGeopend") and not facts["werknemer_id"]:
            facts["werknemer_id"] = data["werknemer_id"]
            facts["werkgever_id"] = data["werkgever_id"]
        elif kind == "CasemanagerAangesteld":
            facts["casemanager"] = data["persoon_id"]
            _add(facts["casemanagers"], data["persoon_id"])
        elif kind == "BedrijfsartsToegewezen":
            facts["bedrijfsarts"] = {k: data[k] for k in ("persoon_id", "organisatie")}
        elif kind == "ArbeidsdeskundigeToegewezen":
            facts["arbeidsdeskundige"] = {k: data[k] for k in ("persoon_id", "organisatie")}
        elif kind == "VerwijzingOntvangen":
            _add(facts["verwezen_providers"], data["provider_id"])
            facts["verwijzingen"][data["verwijzing_id"]] = data["provider_id"]
        elif kind == "VerwijzingGeaccepteerd":
            _add(facts["geaccepteerde_providers"], data["provider_id"])
        elif kind == "VerzekeraarGeinformeerd":
            _add(facts["verzekeraars"], data["verzekeraar_id"])
        elif kind == "Melding42WekenIngediend":
            facts["melding_42_weken"] = True
        if event.actor.get("rol") == "cmtd":
            _add(facts["cmtd_actoren"], event.actor["persoon_id"])
    return seen


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
        self._known: dict[str, tuple[dict[str, int], dict[str, Any], bool, tuple | None]] = {}

    def get(self, dossier_id: str) -> dict[str, Any] | None:
        return self._read(dossier_id, None)

    def get_many(self, dossier_ids: Iterable[str]) -> dict[str, dict[str, Any] | None]:
        # Read before the events, so an event committed meanwhile makes the mark stale, not lost.
        position = positions(self.logs)
        return {d: self._read(d, position) for d in dossier_ids}

    def _read(self, dossier_id: str, position: tuple | None) -> dict[str, Any] | None:
        known = self._known.get(dossier_id)
        if known is not None and position is not None and known[3] == position:
            facts, seen = known[1], known[2]
        else:
            versions, facts, seen, mark = known or ({}, _no_facts(dossier_id), False, None)
            for log in self.logs.services:
                new = log.dossier_events(dossier_id, versions.get(log.name))
                if new:
                    versions[log.name] = new[-1].originator_version
                    seen = _fold(facts, ((log.name, e) for e in new)) or seen
            self._known[dossier_id] = (versions, facts, seen, position or mark)
        return copy.deepcopy(facts) if seen else None


def _add(items: list, item: Any) -> None:
    if item not in items:
        items.append(item)


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


def policy_input(
    principal: Actor,
    action: dict[str, Any],
    dossier: dict[str, Any] | None,
    delegaties: list[dict[str, Any]],
    betrokken_dossiers: list[dict[str, Any]] = (),
) -> dict[str, Any]:
    return {
        "principal": principal.model_dump(mode="json"),
        "action": action,
        "dossier": dossier,
        "delegaties": delegaties,
        "betrokken_dossiers": list(betrokken_dossiers),
        "today": clock.today().isoformat(),
    }


def command_action(command: str, fields: dict[str, Any]) -> dict[str, Any]:
    kept = {name: fields[name] for name in POLICY_FIELDS if fields.get(name) is not None}
    return {"kind": "command", "command": command, "fields": kept}


READ = {"kind": "read"}


class ContextBuilder:
    """Builds policy inputs from a running platform's logs."""

    def __init__(self, logs: DossierLogs):
        self.delegations = Delegations(logs)
        self.facts = DossierFacts(logs)

    def dossier(self, dossier_id: str | None) -> dict[str, Any] | None:
        return self.facts.get(dossier_id) if dossier_id else None

    def for_command(
        self, principal: Actor, command: str, dossier_id: str | None, fields: dict[str, Any]
    ) -> dict[str, Any]:
        betrokken = []
        if command == "verleen_taakdelegatie":
            for listed in fields.get("dossiers") or ():
                facts = self.dossier(str(listed))
                if facts is not None:
                    betrokken.append({"id": listed, "casemanagers": facts["casemanagers"]})
        return policy_input(
            principal,
            command_action(command, fields),
            self.dossier(dossier_id),
            self.delegations.all(),
            betrokken,
        )

    def for_read(self, principal: Actor, dossier_id: str) -> dict[str, Any]:
        return policy_input(principal, READ, self.dossier(dossier_id), self.delegations.all())

    def for_reads(self, principal: Actor, dossier_ids: list[str]) -> list[dict[str, Any]]:
        """`for_read` for each dossier, the facts read as one batch (see `DossierFacts`)."""
        delegaties = self.delegations.all()
        facts = self.facts.get_many(dossier_ids)
        return [policy_input(principal, READ, facts[d], delegaties) for d in dossier_ids]
