"""`wvp bench replay`: how long one dossier's replay takes, next to a raw read of its events.

One run, one fresh store: a simulated population plus the canonical 104-week dossier, padded with
progress reports to the requested number of events. Then, over a bounded number of repetitions,
* the replay of that dossier (read decision, history, time cut, calendar) is timed: median, p99;
* and the raw read of the same stored events: each service's rows of the dossier through its
  recorder, neither decrypted nor decoded.
"""

import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bench import Measurement
from bench.stores import KINDS, fresh_store
from compliance.replay import replay
from events import Actor, Rol
from services.shared import clock
from wvp.runtime import Platform, running
from wvp.scenario import Casus, DossierBuilder, canonical_case
from wvp.simulate import simulate

MAX_REPETITIONS = 1000


def _pad(platform: Platform, case: Casus, events: int) -> int:
    """Add progress reports until the case's dossier holds `events` facts; returns how many it
    holds."""
    dossier = DossierBuilder(platform, case)
    held = len(platform.history(case.dossier_id))
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # after every simulated step
    for n in range(max(0, events - held)):
        with clock.frozen_at(start + timedelta(minutes=n)):
            dossier.doe("voortgang_1", date(2026, 5, 1), samenvatting=f"voortgang {n + 1}")
    return len(platform.history(case.dossier_id))


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
    """Measure replay and raw read on a fresh store (a temporary SQLite directory unless `env`
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
        held = _pad(platform, case, events)
        compliance = Actor(
            rol=Rol.COMPLIANCE,
            persoon_id="bench.compliance",
            organisatie=case.betrokkenen.werkgever_id,
        )
        say(f"replay van één dossier ({held} feiten), {repetitions} keer")
        keys = [(app.recorder, app.dossier_key(case.dossier_id)) for app in platform.services]
        timings, raw_timings = [], []
        for _ in range(repetitions):
            t0 = time.perf_counter()
            replay(platform, case.dossier_id, compliance)
            t1 = time.perf_counter()
            raw = sum(len(recorder.select_events(key)) for recorder, key in keys)
            timings.append(t1 - t0)
            raw_timings.append(time.perf_counter() - t1)
        return {
            "store": "postgres" if env.get("WVP_DATABASE_URL") else "sqlite",
            "dossier_events": held,
            "stored_rows": raw,
            "repetitions": repetitions,
            "replay_median_ms": statistics.median(timings) * 1000,
            "replay_p99_ms": _percentile(timings, 0.99) * 1000,
            "raw_median_ms": statistics.median(raw_timings) * 1000,
            "raw_p99_ms": _percentile(raw_timings, 0.99) * 1000,
        }


def run(quick: bool) -> list[Measurement]:
    """Replay of one dossier on each kind of store, median and p99, next to the raw read."""
    sizes = (
        {"events": 200, "repetitions": 10, "employees": 5, "days": 60}
        if quick
        else {"events": 200, "repetitions": 50, "employees": 100, "days": 365}
    )
    label = "raw read of the dossier's stored rows from every service"
    bound = "decrypting and decoding each event, the read decision and the calendar"
    measurements = []
    for kind in KINDS:
        with fresh_store(kind) as env:
            result = bench_replay(**sizes, env=env)
        details = {k: result[k] for k in ("dossier_events", "stored_rows", "repetitions")}
        for figure in ("median", "p99"):
            measurements.append(
                Measurement(
                    f"replay {kind}, {figure}", "ms", result[f"replay_{figure}_ms"],
                    result[f"raw_{figure}_ms"], label, higher_is_better=False, bound=bound,
                    details=details, goal="<= 10 ms for 200 events" if figure == "p99" else "",
                )
            )  # fmt: skip
    return measurements
