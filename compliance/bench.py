"""`wvp bench replay`: how long one dossier's replay takes, and how fast a full rebuild reads.

One run, one fresh store: a simulated population plus the canonical 104-week dossier, padded with
progress reports to the requested number of events. Then
* the replay of that dossier (read decision, time cut, calendar) is timed over a bounded number
  of repetitions: median and p99;
* a full rebuild is timed, and next to it the raw read rate of the same stores: every stored event
  read through the recorders, not decoded or projected.
"""

import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from typing import Any

from compliance.rebuild import rebuild
from compliance.replay import replay
from compliance.stores import notifications
from events import Actor, Rol
from services.shared import clock
from wvp.runtime import Platform, running
from wvp.scenario import canonical_case
from wvp.simulate import simulate

MAX_REPETITIONS = 1000


def _pad(platform: Platform, casemanager: Actor, dossier_id: str, events: int) -> int:
    """Add progress reports until the dossier holds `events` facts; returns how many it holds."""
    held = len(platform.history(dossier_id))
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # after every simulated step
    for n in range(max(0, events - held)):
        with clock.frozen_at(start + timedelta(minutes=n)):
            platform.execute(
                "leg_voortgang_vast",
                casemanager,
                dossier_id,
                {"geldig_op": str(date(2026, 5, 1)), "samenvatting": f"voortgang {n + 1}"},
            )
    return len(platform.history(dossier_id))


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_replay(
    events: int = 200,
    repetitions: int = 50,
    employees: int = 100,
    days: int = 365,
    seed: int = 11,
    env: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Measure replay and rebuild on a fresh store (a temporary SQLite directory unless `env`
    names another store). Returns the numbers as a dict."""
    if not 1 <= repetitions <= MAX_REPETITIONS:
        raise ValueError(f"repetitions must lie between 1 and {MAX_REPETITIONS}")
    say = progress or (lambda _: None)
    with ExitStack() as stack:
        if env is None:
            data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="wvp-bench-"))
            env = {"WVP_DATA_DIR": data_dir, "WVP_DATABASE_URL": ""}
        platform = stack.enter_context(running(env))
        case = canonical_case()
        say(f"populatie simuleren ({employees} werknemers, {days} dagen)")
        simulate(platform, employees, days, seed, extra=[case])
        held = _pad(platform, case.betrokkenen.casemanager, case.dossier_id, events)
        compliance = Actor(
            rol=Rol.COMPLIANCE,
            persoon_id="bench.compliance",
            organisatie=case.betrokkenen.werkgever_id,
        )
        say(f"replay van één dossier ({held} feiten), {repetitions} keer")
        timings = []
        for _ in range(repetitions):
            t0 = time.perf_counter()
            replay(platform, case.dossier_id, compliance)
            timings.append(time.perf_counter() - t0)

        say("volledige herbouw en ruwe leessnelheid")
        t0 = time.perf_counter()
        raw = sum(1 for app in platform.services for _ in notifications(app))
        raw_seconds = time.perf_counter() - t0
        report = rebuild(platform)
        return {
            "store": "postgres" if env.get("WVP_DATABASE_URL") else "sqlite",
            "dossier_events": held,
            "repetitions": repetitions,
            "replay_median_ms": statistics.median(timings) * 1000,
            "replay_p99_ms": _percentile(timings, 0.99) * 1000,
            "store_events": raw,
            "dossiers": report.dossiers,
            "rebuild_seconds": report.seconds,
            "rebuild_events_per_second": report.events_per_second,
            "raw_read_events_per_second": raw / raw_seconds if raw_seconds else 0.0,
            "rebuild_equal": report.equal,
        }
