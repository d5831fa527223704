"""The policy input for one principal, action and dossier, built from recorded facts.

The dossier part and the delegations come from the read model's relation table
(`readmodel.relations`), the one the caseload index uses too.
Only identifiers reach the policy: command fields are cut down to the few ids the rules need,
so no health data travels to an OPA server.
"""

from datetime import date
from typing import Any

from events import Actor
from readmodel.port import DossierLogs
from readmodel.relations import Delegations, DossierFacts
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
    "geldig_op",  # a delegation must cover the day an act is dated (taakdelegatie.rego)
)


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
    kept = {name: _json(fields[name]) for name in POLICY_FIELDS if fields.get(name) is not None}
    return {"kind": "command", "command": command, "fields": kept}


def _json(value: Any) -> Any:
    """Dates as ISO text, which Rego compares in calendar order."""
    return value.isoformat() if isinstance(value, date) else value


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
