"""Enforcement: every command passes the policy before anything is recorded; reads get one
decision per request and dossier. Both are written to the decision log."""

import os
from concurrent.futures import Future
from typing import Any

from events import Actor
from policies.context import ContextBuilder, policy_input
from policies.decisionlog import DecisionLog, LoggedDecision
from policies.engine import Decision, PolicyEngine, engine_from_env
from readmodel.port import DossierLogs
from services.shared.errors import CommandRejected

READ_ACTION = "inzage"


class Forbidden(CommandRejected):
    """The policy refused the command; nothing was recorded. `reasons` says why."""

    code = "FORBIDDEN"

    def __init__(self, command: str, reasons: tuple[str, ...]):
        self.command = command
        self.reasons = reasons
        super().__init__(f"{command} geweigerd: " + "; ".join(reasons))


class Enforcement:
    def __init__(
        self, logs: DossierLogs, env: dict[str, str] | None, engine: PolicyEngine | None = None
    ):
        self.engine = engine or engine_from_env({**os.environ, **(env or {})})
        self.context = ContextBuilder(logs)
        self.log = DecisionLog(env)

    def authorize(
        self, actor: Actor, command: str, dossier_id: str | None, fields: dict[str, Any]
    ) -> Decision:
        decision = self.engine.decide(self.context.for_command(actor, command, dossier_id, fields))
        self.log.record(actor, dossier_id, command, decision)
        if not decision.allowed:
            raise Forbidden(command, decision.reasons)
        return decision

    def read(self, principal: Actor, dossier_id: str) -> Decision:
        decision, logged = self.read_logging(principal, dossier_id)
        logged.result()
        return decision

    def read_logging(self, principal: Actor, dossier_id: str) -> tuple[Decision, Future[None]]:
        """The read decision, and its log entry on its way: wait for it before answering.
        Reads that wait side by side share one commit of the log."""
        decision = self.engine.decide(self.context.for_read(principal, dossier_id))
        return decision, self.log.submit(principal, dossier_id, READ_ACTION, decision)

    def reads_logging(
        self, principal: Actor, dossier_ids: list[str]
    ) -> list[tuple[Decision, Future[None]]]:
        """`read_logging` for each dossier (a caseload), the policy facts read as one batch."""
        inputs = self.context.for_reads(principal, dossier_ids)
        return [
            (decision, self.log.submit(principal, d, READ_ACTION, decision))
            for d, decision in zip(dossier_ids, map(self.engine.decide, inputs), strict=True)
        ]

    def overzicht(self, principal: Actor, naam: str) -> Decision:
        """Whether `principal` may read the list `naam` outside any dossier, and through which
        relations to its entries (`relaties`, see overzichten.rego); logged without a dossier."""
        action = {"kind": "overzicht", "overzicht": naam}
        decision = self.engine.decide(policy_input(principal, action, None, []))
        self.log.record(principal, None, f"{READ_ACTION} {naam}", decision)
        return decision

    def access_log(self, dossier_id: str | None) -> list[LoggedDecision]:
        return self.log.access_log(dossier_id)

    def close(self) -> None:
        self.log.close()
