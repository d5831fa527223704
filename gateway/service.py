"""The gateway's hold on the platform (`policies.platform.DossierPlatform`: the embedded runtime
or the Kafka gateway's read model).

The embedded platform's single-threaded runner is not thread-safe, so every call into the
platform runs on one worker thread (`Gateway.run`); the event loop stays free for HTTP and
websockets meanwhile.
A read decision's log entry is committed by the decision log's own writer: the request waits for
it before answering, the worker thread does not, so concurrent reads share a commit.
Subscribers wait on a per-dossier signal that mutations raise, with a short poll as a fallback
for facts recorded outside the gateway (the demo loader, process policies).
"""

import asyncio
import functools
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from events import Actor
from policies.inzage import NO_ACCESS, Decision, decide_logging, decide_many_logging
from policies.platform import DossierPlatform
from readmodel.index import DossierIndex, DossierRecord
from readmodel.port import positions
from readmodel.timeline import Entry, entry_of, timeline
from readmodel.view import DossierView
from services.catalog import COMMANDS
from services.shared.application import event_id

T = TypeVar("T")


# How each relation to the entries of a list outside any dossier (policies/overzichten.rego)
# selects them.
_BEREIK: dict[str, Callable[[Actor, dict[str, Any]], bool]] = {
    "verlener": lambda actor, delegatie: delegatie["bedrijfsarts_id"] == actor.persoon_id,
    "gedelegeerde": lambda actor, delegatie: delegatie["gedelegeerde_id"] == actor.persoon_id,
    "verwijzer": lambda actor, provider: True,
    "aanbieder": lambda actor, provider: (
        provider["provider_id"] in (actor.persoon_id, actor.organisatie)
    ),
}


@dataclass
class Outcome:
    dossier_id: str | None
    events: list[Entry]


class Gateway:
    def __init__(self, platform: DossierPlatform):
        self.platform = platform
        self.index = DossierIndex(platform)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wvp-platform")
        self._signals: dict[str, set[asyncio.Event]] = defaultdict(set)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, functools.partial(fn, *args))

    async def decision(self, actor: Actor, dossier_id: str) -> Decision:
        """The read decision, once its log entry is committed. The worker thread does not wait
        for the commit, so concurrent readers' entries share one."""
        decision, _ = await self.decided_view(actor, dossier_id, None)
        return decision

    async def decided_view(
        self, actor: Actor, dossier_id: str, cut: tuple[date | None, datetime | None] | None
    ) -> tuple[Decision, DossierView | None]:
        """`decision`, and in the same turn of the worker the view at `cut` (as_of, known_at)
        if the decision allows one: made while the log entry is committed, returned after."""
        decision, logged, view = await self.run(self._decide_and_view, actor, dossier_id, cut)
        if logged is not None:
            await asyncio.wrap_future(logged)
        return decision, view

    def close(self) -> None:
        self._worker.shutdown(wait=True)

    # Worker-thread methods: they touch the platform.

    def decide(self, actor: Actor, dossier_id: str) -> Decision:
        decision, logged = self.decide_logging(actor, dossier_id)
        if logged is not None:
            logged.result()
        return decision

    def decide_logging(self, actor: Actor, dossier_id: str) -> tuple[Decision, Future | None]:
        """The read decision and its log entry being committed (None: nothing to log, the
        dossier does not exist). Use `decision` from the event loop."""
        # Dossiers are never removed: the index is read further only for one it does not know.
        known = self.index.dossiers
        if dossier_id not in known and dossier_id not in self.index.refresh().dossiers:
            return NO_ACCESS, None
        return decide_logging(self.platform, actor, dossier_id)

    def _decide_and_view(
        self, actor: Actor, dossier_id: str, cut: tuple[date | None, datetime | None] | None
    ) -> tuple[Decision, Future | None, DossierView | None]:
        decision, logged = self.decide_logging(actor, dossier_id)
        if cut is None or not decision.allowed:
            return decision, logged, None
        return decision, logged, self.view(dossier_id, decision, *cut)

    def view(
        self,
        dossier_id: str,
        decision: Decision,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> DossierView:
        entries = timeline(self.platform, dossier_id, as_of, known_at)
        return DossierView(dossier_id, decision, as_of, known_at, entries)

    def caseload(
        self,
        actor: Actor,
        wanted: Callable[[DossierRecord], bool] = lambda _: True,
        filtered_on: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[tuple[DossierRecord, Decision]]:
        """The caller's dossiers that pass `wanted`, most recent first.

        The index names the dossiers where a relation fact could tie the caller to it; only
        those are put to the policy (and logged), so a caseload leaves no refusals in other
        people's access logs. The policy's read decision still judges every one of them.
        `filtered_on` names the (service, fact type) pairs `wanted` looks at: a dossier whose
        decision hides one of them is left out whatever its value, or the filter would reveal
        what the caller may not see (UWV filtering on open/hersteld, say).
        """
        candidates = [r for r in self.index.candidates(actor) if wanted(r)]
        decisions = decide_many_logging(self.platform, actor, [r.dossier_id for r in candidates])
        decided = [(r, *decision) for r, decision in zip(candidates, decisions, strict=True)]
        for _, _, logged in decided:  # committed together, not one commit per dossier
            logged.result()
        return [
            (r, d)
            for r, d, _ in decided
            if d.allowed and all(d.sees(service, fact) for service, fact in filtered_on)
        ]

    def execute(
        self, actor: Actor, command: str, dossier_id: str | None, fields: dict[str, Any]
    ) -> Outcome:
        result = self.platform.execute(command, actor, dossier_id, fields)
        recorded = {event_id(e) for e in result.events}
        if result.dossier_id is None:  # a delegation or catalogue entry: the caller's own facts
            return Outcome(None, [entry_of(COMMANDS[command].name, e) for e in result.events])
        decision = self.decide(actor, result.dossier_id)
        view = self.view(result.dossier_id, decision)
        return Outcome(result.dossier_id, [e for e in view.visible if e.id in recorded])

    def overzicht(self, actor: Actor, naam: str) -> list[dict[str, Any]] | None:
        """The entries of the list `naam` ("taakdelegaties" or "providers") that `actor` may
        read; None when the policy refuses it the list."""
        decision = self.platform.list_decision(actor, naam)
        if not decision.allowed:
            return None
        if naam == "taakdelegaties":
            entries = self.index.delegations.all()
        else:
            entries = list(self.index.refresh().providers.values())
        return [e for e in entries if any(_BEREIK[r](actor, e) for r in decision.relaties)]

    def toegangslog(self, dossier_id: str) -> list[Any]:
        return self.platform.access_log(dossier_id)

    def position(self) -> tuple[int, ...]:
        """How far every service's log has grown: a cheap test whether anything was recorded."""
        return positions(self.platform)

    # Event-loop methods: change signals for subscriptions.

    def changed(self, dossier_id: str) -> None:
        for signal in self._signals.get(dossier_id, ()):
            signal.set()

    async def wait_for_change(self, dossier_id: str, timeout: float) -> None:
        signal = asyncio.Event()
        self._signals[dossier_id].add(signal)
        try:
            await asyncio.wait_for(signal.wait(), timeout)
        except TimeoutError:
            pass
        finally:
            self._signals[dossier_id].discard(signal)
            if not self._signals[dossier_id]:
                del self._signals[dossier_id]
