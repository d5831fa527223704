"""Run benchmarks of `SUITE` and write `report.json` and `report.md`.

Each benchmark is imported only when it runs; one that fails (or cannot be imported) is recorded
with its error and the others still run. A goal written as ">= N% ..." is checked against the
measurement's ratio, one written as "<= N <unit>" against our figure; others are only shown.
"""

import importlib
import importlib.metadata
import json
import os
import platform
import re
import shlex
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import SUITE, Measurement
from bench.stores import postgres_version

# Distribution name -> how the report calls it.
PACKAGES = {
    "eventsourcing": "eventsourcing",
    "faststream": "faststream",
    "strawberry-graphql": "strawberry",
    "opa-golib-python-bindings": "opa bindings",
    "opa-python-client": "opa client",
    "psycopg": "psycopg",
}
_PERCENT_GOAL = re.compile(r"^\s*>=\s*(\d+(?:\.\d+)?)\s*%")
_LIMIT_GOAL = re.compile(r"^\s*<=\s*(\d+(?:\.\d+)?)\s*(\S+)")


class UnknownBenchmark(ValueError):
    pass


@dataclass
class Outcome:
    """What one benchmark gave: its measurements, or the error that stopped it."""

    name: str
    seconds: float
    measurements: list[Measurement] = field(default_factory=list)
    error: str | None = None


def select(names: Iterable[str]) -> list[str]:
    """The benchmarks to run, in the order asked (all of SUITE when none is named)."""
    names = list(dict.fromkeys(names)) or list(SUITE)
    unknown = [n for n in names if n not in SUITE]
    if unknown:
        raise UnknownBenchmark(
            f"unknown benchmark {', '.join(unknown)}; valid names: {', '.join(SUITE)}"
        )
    return names


def run_one(name: str, quick: bool) -> Outcome:
    started = time.perf_counter()
    try:
        module, function = SUITE[name].split(":")
        measure: Callable[[bool], list[Measurement]] = getattr(
            importlib.import_module(module), function
        )
        measurements = list(measure(quick))
    except Exception as e:  # a failing benchmark is part of the report, not the end of the run
        trace = traceback.format_exception_only(e)[-1].strip()
        return Outcome(name, time.perf_counter() - started, error=trace)
    return Outcome(name, time.perf_counter() - started, measurements)


def met(measurement: Measurement) -> bool | None:
    """Whether the goal is met; None when there is no goal this module can check.
    ">= N% ..." is judged on the ratio, "<= N <unit> ..." on our figure in that unit."""
    limit = _LIMIT_GOAL.match(measurement.goal)
    if limit is not None and limit.group(2) == measurement.unit:
        return measurement.ours <= float(limit.group(1))
    goal = _PERCENT_GOAL.match(measurement.goal)
    if goal is None or measurement.ratio is None:
        return None
    return measurement.ratio * 100 >= float(goal.group(1))


def machine() -> dict[str, Any]:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for distribution, label in PACKAGES.items():
        try:
            found[label] = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            found[label] = None
    found["sqlite"] = sqlite3.sqlite_version
    found["postgres server"] = postgres_version()
    return found


def report(outcomes: list[Outcome], quick: bool, argv: list[str]) -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": shlex.join(argv),
        "quick": quick,
        "machine": machine(),
        "versions": versions(),
        "benchmarks": [
            {
                "name": o.name,
                "seconds": round(o.seconds, 2),
                "error": o.error,
                "measurements": [
                    {**asdict(m), "ratio": m.ratio, "met": met(m)} for m in o.measurements
                ],
            }
            for o in outcomes
        ],
    }


def _figure(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def markdown(data: dict[str, Any]) -> str:
    m, v = data["machine"], data["versions"]
    lines = [
        "# Benchmark report",
        "",
        f"{data['date']}, `{data['command']}`" + (" (quick: small sizes)" if data["quick"] else ""),
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}, "
        f"Python {m['python']}.",
        "Versions: " + ", ".join(f"{k} {val or 'n/a'}" for k, val in v.items()) + ".",
        "",
        "Ratio: ours relative to the baseline, 100% is as fast as raw (for latencies the "
        "baseline's time divided by ours).",
    ]
    for b in data["benchmarks"]:
        lines += ["", f"## {b['name']}", ""]
        if b["error"]:
            lines += [f"**Failed** after {b['seconds']} s: `{b['error']}`"]
            continue
        lines += [
            "| figure | unit | ours | baseline | ratio | goal | met? | bound |",
            "| --- | --- | ---: | ---: | ---: | --- | --- | --- |",
        ]
        for x in b["measurements"]:
            ratio = "–" if x["ratio"] is None else f"{x['ratio']:.0%}"
            verdict = {True: "yes", False: "no", None: "–"}[x["met"]]
            cells = [x["name"], x["unit"], _figure(x["ours"]), _figure(x["baseline"]), ratio,
                     x["goal"] or "–", verdict, x["bound"] or "–"]  # fmt: skip
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        labels = {x["baseline_label"]: None for x in b["measurements"] if x["baseline_label"]}
        lines += ["", *(f"Baseline: {label}." for label in labels)] if labels else []
    lines += [
        "",
        "## How to reproduce",
        "",
        "PostgreSQL must listen on 127.0.0.1:5432 with a database `test` (or set "
        "WVP_BENCH_DATABASE_URL); every benchmark makes its own fresh stores and removes them. "
        "Run on a quiet machine: the figures are rates and latencies of this one run. "
        "The scale benchmark's simulated stores are kept in WVP_SCALE_WORKDIR when it is set, "
        "and a later run reuses them (their simulate figures then come from the run that made "
        "them); `python -m bench.scale run DIR 1000 10000 100000` does the same for scale alone.",
        "",
        "```sh",
        "make install",
        f".venv/bin/{data['command']}",
        "```",
        "",
    ]
    return "\n".join(lines)


def write(data: dict[str, Any], output_dir: Path) -> tuple[Path, Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    as_json, as_md = output_dir / "report.json", output_dir / "report.md"
    as_json.write_text(json.dumps(data, indent=2, default=str) + "\n")
    as_md.write_text(markdown(data))
    return as_json, as_md


def argv() -> list[str]:
    """The command line as typed, with the program shortened to its name."""
    return [Path(sys.argv[0]).name, *sys.argv[1:]]
