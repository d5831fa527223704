"""The embedded runtime: all five services in one process, wired by the library's System.

Each service follows the notification logs of the services it reacts to; the single-threaded
runner processes every reaction before a command returns, so reads right after a command see
its consequences in every service.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.system import SingleThreadedRunner, System

from events import Actor
from policies.enforcement import Enforcement
from policies.engine import Decision, PolicyEngine
from services.arbeidsdeskundige.application import ArbeidsdeskundigeApplication
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.providerboog.application import ProviderboogApplication
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult
from services.shared.errors import UnknownCommand
from services.uwv_submission.application import UwvSubmissionApplication
from services.werkgever.application import WerkgeverApplication

SERVICES: tuple[type[ServiceApplication], ...] = (
    WerkgeverApplication,
    BedrijfsartsApplication,
    ArbeidsdeskundigeApplication,
    ProviderboogApplication,
    UwvSubmissionApplication,
)

wvp_system = System(
    pipes=[
        [WerkgeverApplication, BedrijfsartsApplication, WerkgeverApplication],
        [WerkgeverApplication, ArbeidsdeskundigeApplication, UwvSubmissionApplication],
        [WerkgeverApplication, ProviderboogApplication],
        [WerkgeverApplication, UwvSubmissionApplication],
        [BedrijfsartsApplication, ArbeidsdeskundigeApplication],
        [BedrijfsartsApplication, ProviderboogApplication],
        [BedrijfsartsApplication, UwvSubmissionApplication],
    ]
)


def _command_index() -> dict[str, type[ServiceApplication]]:
    index: dict[str, type[ServiceApplication]] = {}
    for service in SERVICES:
        for name in service.commands:
            if name in index:
                raise RuntimeError(f"command {name} is defined by two services")
            index[name] = service
    return index


COMMANDS = _command_index()


class Platform:
    """The five services, started together; the entry point for commands and history."""

    def __init__(self, env: dict[str, str] | None = None, policy: bool | PolicyEngine = True):
        """`policy`: True enforces the configured policy engine (WVP_POLICY_ENGINE), an engine
        enforces that one, False turns enforcement off (for tests of the services alone)."""
        self.runner = SingleThreadedRunner(wvp_system, env=env)
        self.histories = Histories(self)
        self.policy: Enforcement | None = None
        if policy is not False:
            engine = None if policy is True else policy
            self.policy = Enforcement(self, env, engine)

    def start(self) -> "Platform":
        self.runner.start()
        # A leader prompts its followers only after recording a fact one of them reacts to; the
        # facts in between they pass over on their next pull (ServiceApplication.pull_and_process).
        for leader, followers in wvp_system.leads.items():
            reacted = (self.runner.apps[f].reaction_topics for f in followers)
            self.runner.apps[leader].notify_topics = sorted(frozenset().union(*reacted))
        return self

    def stop(self) -> None:
        self.runner.stop()
        if self.policy is not None:
            self.policy.close()

    @property
    def services(self) -> list[ServiceApplication]:
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

    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        service = COMMANDS.get(command)
        if service is None:
            raise UnknownCommand(f"onbekend commando {command!r}")
        if self.policy is not None:
            self.policy.authorize(actor, command, dossier_id, fields)
        return self.runner.get(service).execute(command, actor, dossier_id, fields)

    def read_decision(self, principal: Actor, dossier_id: str) -> Decision:
        """What `principal` may see of the dossier: decide once per request, then filter
        `history` with `Decision.filter`. The decision is logged."""
        if self.policy is None:
            raise RuntimeError("policy enforcement is off for this platform")
        return self.policy.read(principal, dossier_id)

    def history(self, dossier_id: str) -> list[tuple[str, Any]]:
        """Every fact of a dossier from every service, as (service, event), in recorded order.

        With a frozen clock a command and the reactions to it share one timestamp; reactions
        (they have a cause) then come after the facts that caused them.
        """
        return self.histories.get(dossier_id)


class Histories:
    """Each dossier's history, read whole once and afterwards only what was recorded since.

    Decoding (for the medical services: decrypting) every fact again on every read grows with the
    dossier. Stored facts are append-only, so reading each service's part past the last version
    seen is exact, also when other processes write to the same stores. The facts are shared
    between readers and must not be changed; the least recently read dossiers are dropped.
    """

    SIZE = 1024  # dossiers kept

    def __init__(self, platform: Platform):
        self.platform = platform
        self._lock = threading.Lock()
        self._known: OrderedDict[str, tuple[dict[str, list[Any]], list[tuple[str, Any]]]] = (
            OrderedDict()
        )

    def get(self, dossier_id: str) -> list[tuple[str, Any]]:
        with self._lock:
            parts, merged = self._known.pop(dossier_id, None) or ({}, [])
            grown = False
            for app in self.platform.services:
                part = parts.setdefault(app.name, [])
                last = part[-1].originator_version if part else None
                new = list(app.events.get(app.dossier_key(dossier_id), gt=last))
                if new:
                    part.extend(new)
                    grown = True
            if grown:
                merged = in_recorded_order(
                    (service, e) for service, part in parts.items() for e in part
                )
            if merged:  # ids never recorded on are not kept: they would only crowd the cache
                self._known[dossier_id] = (parts, merged)
                if len(self._known) > self.SIZE:
                    self._known.popitem(last=False)
            return list(merged)


def in_recorded_order(facts: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """(service, event) pairs by recorded time, reactions after their causes (see `history`);
    a stable sort, so pairs given service by service keep that order among equals."""
    return sorted(facts, key=lambda fact: (fact[1].timestamp, fact[1].causation_id is not None))


@contextmanager
def running(env: dict[str, str] | None = None) -> Iterator[Platform]:
    platform = Platform(env).start()
    try:
        yield platform
    finally:
        platform.stop()
