"""The embedded runtime: all five services in one process, wired by the library's System.

Each service follows the notification logs of the services it reacts to; the single-threaded
runner processes every reaction before a command returns, so reads right after a command see
its consequences in every service. A long-running process (`wvp serve`, `wvp service`) writes
signed checkpoints of its stores while it runs (`checkpointing`).
"""

import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.system import SingleThreadedRunner

from compliance.checkpoint import CheckpointSettings, PeriodicCheckpoints
from compliance.verify import Stores
from events import Actor
from policies.enforcement import Enforcement
from policies.engine import PolicyEngine
from policies.platform import EnforcedPlatform
from readmodel.port import Histories
from services.arbeidsdeskundige.application import ArbeidsdeskundigeApplication
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.catalog import COMMANDS, SERVICES, SYSTEM
from services.providerboog.application import ProviderboogApplication
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult
from services.uwv_submission.application import UwvSubmissionApplication
from services.werkgever.application import WerkgeverApplication


class Platform(EnforcedPlatform):
    """The five services, started together: a `policies.platform.DossierPlatform`."""

    def __init__(self, env: dict[str, str] | None = None, policy: bool | PolicyEngine = True):
        """`policy`: True enforces the configured policy engine (WVP_POLICY_ENGINE), an engine
        enforces that one, False turns enforcement off (for tests of the services alone)."""
        self.runner = SingleThreadedRunner(SYSTEM, env=env)
        self.histories = Histories(self)
        if policy is not False:
            engine = None if policy is True else policy
            self.policy = Enforcement(self, env, engine)

    def start(self) -> "Platform":
        self.runner.start()
        # A leader prompts its followers only after recording a fact one of them reacts to; the
        # facts in between they pass over on their next pull (ServiceApplication.pull_and_process).
        for leader, followers in SYSTEM.leads.items():
            reacted = (self.runner.apps[f].reaction_topics for f in followers)
            self.runner.apps[leader].notify_topics = sorted(frozenset().union(*reacted))
        return self

    def stop(self) -> None:
        self.runner.stop()
        if self.policy is not None:
            self.policy.close()

    @property
    def services(self) -> Sequence[ServiceApplication]:
        return [self.runner.get(cls) for cls in SERVICES]

    @property
    def werkgever(self) -> WerkgeverApplication:
        return self.runner.get(WerkgeverApplication)

    @property
    def bedrijfsarts(self) -> BedrijfsartsApplication:
        return self.runner.get(BedrijfsartsApplication)

    @property
    def arbeidsdeskundige(self) -> ArbeidsdeskundigeApplication:
        return self.runner.get(ArbeidsdeskundigeApplication)

    @property
    def providerboog(self) -> ProviderboogApplication:
        return self.runner.get(ProviderboogApplication)

    @property
    def uwv(self) -> UwvSubmissionApplication:
        return self.runner.get(UwvSubmissionApplication)

    def record(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        return self.runner.get(COMMANDS[command]).execute(command, actor, dossier_id, fields)

    def history(self, dossier_id: str) -> list[tuple[str, Any]]:
        """Every fact of a dossier from every service, as (service, event), in recorded order
        (`readmodel.port.in_recorded_order`)."""
        return self.histories.get(dossier_id)


@contextmanager
def running(env: dict[str, str] | None = None) -> Iterator[Platform]:
    platform = Platform(env).start()
    try:
        yield platform
    finally:
        platform.stop()


@contextmanager
def checkpointing(stores: Stores, environ: Mapping[str, str] = os.environ) -> Iterator[None]:
    """Signed checkpoints of `stores` every WVP_CHECKPOINT_INTERVAL seconds while the block runs,
    and one on the way out (`compliance.checkpoint`), also on SIGTERM. Call from the main thread."""
    periodic = PeriodicCheckpoints(stores, CheckpointSettings.from_env(environ))

    def last_checkpoint_then_terminate(signum: int, _frame: object) -> None:
        # uvicorn shuts down on SIGTERM and then raises it again, whose default ends the process
        # on the spot: write the last checkpoint first, then end as the default would.
        periodic.stop()
        signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(signum)

    with periodic:
        signal.signal(signal.SIGTERM, last_checkpoint_then_terminate)
        yield
