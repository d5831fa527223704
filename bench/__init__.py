"""The benchmark suite: every figure is measured next to a raw baseline in the same run.

A benchmark is a function `run(quick: bool) -> list[Measurement]`, named in `SUITE` by its module
path so that `wvp bench NAME` imports only what it runs. `wvp bench` writes all measurements to
`bench/report.json` and `bench/report.md`.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Measurement:
    """One figure of ours next to its raw baseline (same machine, same run)."""

    name: str  # e.g. "append sqlite"
    unit: str  # e.g. "events/s", "ms"
    ours: float
    baseline: float | None = None
    baseline_label: str = ""  # what the baseline is, e.g. "raw INSERT of the same payloads"
    higher_is_better: bool = True  # rates: True; latencies: False
    goal: str = ""  # the goal, e.g. ">= 50% of raw read"
    bound: str = ""  # what bounds the figure: the library, the database, the broker, Python
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Ours relative to the baseline, as a fraction where 1.0 means as fast as raw."""
        if not self.baseline or not self.ours:
            return None
        return self.ours / self.baseline if self.higher_is_better else self.baseline / self.ours


# name -> "module:function"; each function takes `quick` and returns a list of Measurements.
SUITE: dict[str, str] = {
    "append": "bench.append:run",
    "rebuild": "bench.rebuild:run",
    "policy": "bench.policy:run",
    "gateway": "bench.gateway:run",
    "replay": "bench.replay:run",
    "kafka": "bench.kafka:run",
    "scale": "bench.scale:run",
}
