"""The gateway's hold on the embedded platform.

The platform's single-threaded runner is not thread-safe, so every call into it runs on one
worker thread (`Gateway.run`); the event loop stays free for HTTP and websockets meanwhile.
Subscribers wait on a per-dossier signal that mutations raise, with a short poll as a fallback
for facts recorded outside the gateway (the demo loader, process policies).
"""

import asyncio
import functools
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from events import Actor
from gateway.access import NO_ACCESS, Decision, decide
from gateway.projections import DossierIndex, DossierRecord, Entry, entry_of, timeline
from poortwachter import Verplichting, feiten_uit_historie, kalender
from services.shared import clock
from services.shared.application import event_id
from wvp.runtime import COMMANDS, Platform

T = TypeVar("T")


@dataclass
class DossierView:
    """One dossier as one caller may read it, at one valid and recorded time."""

    dossier_id: str
    decision: Decision
    as_of: date | None
    known_at: datetime | None
    entries: list[Entry] = field(repr=False)  # all facts in the time window, hidden ones too

    @property
    def visible(self) -> list[Entry]:
        return [e for e in self.entries if self.decision.sees(e.service, e.type)]

    def peildatum(self, gegeven: date | None = None) -> date:
        """The day to judge the calendar on: given, else the valid-time cut, else the
        recorded-time cut, else today."""
        if gegeven is not None:
            return gegeven
        if self.as_of is not None:
            return self.as_of
        return self.known_at.date() if self.known_at else clock.today()

    def kalender(self, peildatum: date) -> list[Verplichting]:
        """The calendar from every fact in the time window; rows of a hidden kind left out.

        Each row has a fixed classification, so a hidden row's absence reveals nothing.
        """
        if not any(e.type == "ZiekmeldingGeregistreerd" for e in self.entries):
            return []  # a time cut before the ziekmelding: nothing is due yet
        feiten = feiten_uit_historie((e.service, e.event) for e in self.entries)
        zichtbaar = self.decision.classificaties
        return [v for v in kalender(feiten, peildatum) if v.classificatie.value in zichtbaar]


@dataclass
class Outcome:
    dossier_id: str | None
    events: list[Entry]


class Gateway:
    def __init__(self, platform: Platform):
        self.platform = platform
        self.index = DossierIndex(platform)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wvp-platform")
        self._signals: dict[str, set[asyncio.Event]] = defaultdict(set)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, functools.partial(fn, *args))

    def close(self) -> None:
        self._worker.shutdown(wait=True)

    # Worker-thread methods: they touch the platform.

    def decide(self, actor: Actor, dossier_id: str) -> Decision:
        if dossier_id not in self.index.refresh().dossiers:
            return NO_ACCESS
        return decide(self.platform, actor, dossier_id)

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
        decided = ((r, decide(self.platform, actor, r.dossier_id)) for r in candidates)
        return [
            (r, d)
            for r, d in decided
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

    def toegangslog(self, dossier_id: str) -> list[Any]:
        return self.platform.policy.access_log(dossier_id)

    def position(self) -> tuple[int, ...]:
        """How far every service's log has grown: a cheap test whether anything was recorded."""
        return tuple(app.recorder.max_notification_id() or 0 for app in self.platform.services)

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
