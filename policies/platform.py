"""The platform as the gateway, compliance and the tools see it: `DossierPlatform`.

It is the read side (`readmodel.port.DossierLogs`) plus commands and read decisions under the
policy, and the access log. The embedded runtime (`wvp.runtime.Platform`) and the Kafka gateway's
read model (`distributed.gateway.DistributedPlatform`) both implement it by extending
`EnforcedPlatform`, which holds everything about the policy once; each adds only how a command
is recorded and where its logs live.
"""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any, Protocol

from events import Actor
from policies.decisionlog import LoggedDecision
from policies.enforcement import Enforcement
from policies.engine import Decision
from readmodel.port import DossierLogs, ServiceLog
from services.catalog import COMMANDS
from services.shared.commands import CommandResult
from services.shared.errors import UnknownCommand


class DossierPlatform(DossierLogs, Protocol):
    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult: ...

    def read_decision(self, principal: Actor, dossier_id: str) -> Decision: ...

    def read_decision_logging(
        self, principal: Actor, dossier_id: str
    ) -> tuple[Decision, Future[None]]: ...

    def read_decisions_logging(
        self, principal: Actor, dossier_ids: list[str]
    ) -> list[tuple[Decision, Future[None]]]: ...

    def list_decision(self, principal: Actor, naam: str) -> Decision: ...

    def access_log(self, dossier_id: str | None) -> list[LoggedDecision]: ...


class PolicyOff(RuntimeError):
    def __init__(self) -> None:
        super().__init__("policy enforcement is off for this platform")


class EnforcedPlatform(ABC):
    """`DossierPlatform` but for the logs (`services`, `history`) and how a command is
    recorded (`record`)."""

    policy: Enforcement | None = None

    @property
    @abstractmethod
    def services(self) -> Sequence[ServiceLog]: ...

    def log(self, name: str) -> ServiceLog:
        for service in self.services:
            if service.name == name:
                return service
        raise KeyError(f"onbekende service {name!r}")

    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        """Check the policy, then let the owning service record; a refusal records nothing."""
        if command not in COMMANDS:
            raise UnknownCommand(f"onbekend commando {command!r}")
        if self.policy is not None:
            self.policy.authorize(actor, command, dossier_id, fields)
        return self.record(command, actor, dossier_id, fields)

    @abstractmethod
    def record(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        """Run an allowed command in the service that owns it."""

    def _enforcement(self) -> Enforcement:
        if self.policy is None:
            raise PolicyOff
        return self.policy

    def read_decision(self, principal: Actor, dossier_id: str) -> Decision:
        """What `principal` may see of the dossier, decided once per request and logged; cut
        `history` with `Decision.filter`."""
        return self._enforcement().read(principal, dossier_id)

    def read_decision_logging(
        self, principal: Actor, dossier_id: str
    ) -> tuple[Decision, Future[None]]:
        """The read decision, and its log entry still being committed: wait for it before the
        decision is used, and serve others meanwhile."""
        return self._enforcement().read_logging(principal, dossier_id)

    def read_decisions_logging(
        self, principal: Actor, dossier_ids: list[str]
    ) -> list[tuple[Decision, Future[None]]]:
        """`read_decision_logging` for each dossier (a caseload), their facts read at once."""
        return self._enforcement().reads_logging(principal, dossier_ids)

    def list_decision(self, principal: Actor, naam: str) -> Decision:
        """Whether `principal` may read the list `naam` outside any dossier (logged)."""
        return self._enforcement().overzicht(principal, naam)

    def access_log(self, dossier_id: str | None) -> list[LoggedDecision]:
        return self._enforcement().access_log(dossier_id)
