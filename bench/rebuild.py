"""Rebuild: events per second of the full projection rebuild, next to a raw read of the stores.

A simulated population (policy off: only the stores matter here) on a fresh store of each kind.
Ours: `compliance.rebuild.rebuild`, the time it reports (reading, decrypting, decoding and
projecting every stored event; not the comparison with the live projections that follows, which
must find no difference or the benchmark fails). Baseline: every stored row of the same stores
read through the library's recorders, neither decrypted nor decoded. Each is run `repeats` times
after one warm-up read, and the median counts.
"""

import statistics
import time

from bench import Measurement
from bench.stores import KINDS, fresh_store
from compliance.rebuild import rebuild
from readmodel.port import notifications
from wvp.runtime import Platform
from wvp.simulate import simulate

GOAL = ">= 50% of raw read"
SEED = 4


def _raw_read(platform: Platform) -> tuple[int, float]:
    started = time.perf_counter()
    rows = sum(1 for app in platform.services for _ in notifications(app))
    return rows, time.perf_counter() - started


def measure(kind: str, employees: int, days: int, repeats: int) -> Measurement:
    with fresh_store(kind) as env:
        platform = Platform(env, policy=False).start()
        try:
            simulate(platform, employees, days, SEED)
            rows, _ = _raw_read(platform)  # warm-up: both then find the rows in the cache
            raw = statistics.median(_raw_read(platform)[1] for _ in range(repeats))
            reports = [rebuild(platform) for _ in range(repeats)]
        finally:
            platform.stop()
    for report in reports:
        if not report.equal or report.events != rows:
            raise RuntimeError(f"rebuild differs from the live projections: {report.differences}")
    ours = statistics.median(r.seconds for r in reports)
    return Measurement(
        name=f"rebuild {kind}",
        unit="events/s",
        ours=rows / ours,
        baseline=rows / raw,
        baseline_label="raw read of the same rows through the recorders, not decoded",
        goal=GOAL,
        bound=(
            "reading is the baseline itself (about a fifth of ours); the rest is the library "
            "decoding each event (JSON with a Python hook per object), about two fifths, the "
            "gateway index reading the werkgever log a second time, a quarter, and the calendar "
            "facts per dossier"
        ),
        details={
            "events": rows,
            "dossiers": reports[0].dossiers,
            "repeats": repeats,
            "population": {"employees": employees, "days": days, "seed": SEED},
        },
    )


def run(quick: bool) -> list[Measurement]:
    employees, days, repeats = (100, 365, 3) if quick else (500, 730, 5)
    return [measure(kind, employees, days, repeats) for kind in KINDS]
