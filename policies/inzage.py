"""The one place where a reader asks what a party may read of a dossier.

Every query, caseload entry, mutation result, subscription message, replay and evidence bundle
is cut by the `Decision` returned here (through `readmodel.view.DossierView`). It wraps the
policy engine's read decision (taken and logged by the platform): the parts and classifications
the caller may see, and how much of the access log it may read.
"""

from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass

from events import CONTRACTS, Actor
from policies.decisionlog import LoggedDecision
from policies.engine import ALLES, EIGEN_ORGANISATIE
from policies.engine import Decision as PolicyDecision
from policies.platform import DossierPlatform


@dataclass(frozen=True)
class Decision:
    policy: PolicyDecision | None  # None: the dossier does not exist

    @property
    def allowed(self) -> bool:
        return self.policy is not None and self.policy.allowed

    @property
    def classificaties(self) -> frozenset[str]:
        return self.policy.classificaties if self.allowed else frozenset()

    @property
    def toegangslog(self) -> str | None:
        """How much of the access log the caller may read: the policy's answer, not the
        gateway's (`ALLES`, `EIGEN_ORGANISATIE` or None)."""
        return self.policy.toegangslog if self.allowed else None

    def toegangslog_voor(
        self, caller: Actor, log: Iterable[LoggedDecision]
    ) -> list[LoggedDecision] | None:
        """The entries of `log` the caller may read; None when it may read none of the log.

        Its own organisation's entries are those of principals acting for it: the employee's
        look at their own file is theirs, not the employer's, so it is left out too.
        """
        if self.toegangslog == ALLES:
            return list(log)
        if self.toegangslog == EIGEN_ORGANISATIE:
            return [
                t
                for t in log
                if t.principal["organisatie"] == caller.organisatie
                and t.principal["rol"] != "werknemer"
            ]
        return None

    def sees(self, service: str, fact_type: str) -> bool:
        """Whether facts of `fact_type` held by `service` are visible (whether or not any exist)."""
        if not self.allowed:
            return False
        classificatie = CONTRACTS[fact_type].classificatie.value
        return any(
            z.onderdeel == service
            and z.classificatie == classificatie
            and (z.alleen is None or fact_type in z.alleen)
            for z in self.policy.zicht
        )


NO_ACCESS = Decision(None)


def decide(platform: DossierPlatform, actor: Actor, dossier_id: str) -> Decision:
    """What `actor` may read of `dossier_id`; the platform logs the decision."""
    return Decision(platform.read_decision(actor, dossier_id))


def decide_logging(
    platform: DossierPlatform, actor: Actor, dossier_id: str
) -> tuple[Decision, Future]:
    """`decide`, returning while the decision's log entry is still being committed: the caller
    waits for the future before it uses the decision, and meanwhile the platform serves others."""
    decision, logged = platform.read_decision_logging(actor, dossier_id)
    return Decision(decision), logged


def decide_many_logging(
    platform: DossierPlatform, actor: Actor, dossier_ids: list[str]
) -> list[tuple[Decision, Future]]:
    """`decide_logging` for each of `dossier_ids` (a caseload), their policy facts read at once."""
    return [
        (Decision(d), logged) for d, logged in platform.read_decisions_logging(actor, dossier_ids)
    ]
