"""Policy decisions per second and p99 latency, per engine (for `wvp bench policy`).

Each engine's baseline is a trivial query on the same engine with the same input: a lookup in
the bundle's data, so input encoding, the call into the engine (or HTTP) and answer decoding
are paid alike and the ratio shows what evaluating our rules costs. The server engine is
measured against WVP_OPA_URL when given, else against the local Data API stand-in
(`tooling.dataapi`), which adds Python HTTP overhead a real OPA server does not have.
"""

import time
from collections.abc import Callable
from statistics import quantiles
from typing import Any

from bench import Measurement
from policies.engine import EmbeddedEngine, ServerEngine
from policies.matrix import DELEGATIE, DOSSIER
from tooling.dataapi import serving

MAX_DECISIONS = 100_000
TRIVIAL = ("rollenmatrix", "zonder_dossier")  # package path and rule of the baseline query

INPUTS = [
    {
        "principal": {"rol": rol, "persoon_id": persoon, "organisatie": organisatie},
        "action": action,
        "dossier": DOSSIER,
        "delegaties": [DELEGATIE],
        "betrokken_dossiers": [],
        "today": "2026-03-01",
    }
    for rol, persoon, organisatie in (
        ("werkgever", "hr1", "acme"),
        ("bedrijfsarts", "ba1", "arbo"),
        ("cmtd", "cm1", "arbo"),
        ("uwv", "u1", "uwv"),
    )
    for action in (
        {"kind": "read"},
        {"kind": "command", "command": "geef_triage_oordeel", "fields": {}},
        {"kind": "command", "command": "leg_triage_informatie_vast", "fields": {}},
    )
]


def measure(decide: Callable[[dict], Any], decisions: int) -> dict[str, float]:
    decisions = max(1, min(decisions, MAX_DECISIONS))
    latencies = []
    started = time.perf_counter()
    for i in range(decisions):
        begin = time.perf_counter()
        decide(INPUTS[i % len(INPUTS)])
        latencies.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    p99 = quantiles(latencies, n=100)[98] if len(latencies) > 1 else latencies[0]
    return {
        "decisions": decisions,
        "decisions_per_second": decisions / elapsed,
        "p99_ms": p99 * 1000,
    }


def bench_policy(decisions: int = 2000, opa_url: str | None = None) -> dict[str, Any]:
    """{"embedded": {...}, "server": {...}} with decisions, decisions_per_second and p99_ms, and
    the same for the trivial query under "trivial"."""
    embedded = EmbeddedEngine()
    try:
        trivial = ".".join(TRIVIAL)
        results: dict[str, Any] = {
            "embedded": {
                **measure(embedded.decide, decisions),
                "trivial": measure(lambda i: embedded.evaluate(trivial, i), decisions),
            }
        }
        if opa_url:
            results["server"] = {**_measure_server(opa_url, decisions), "url": opa_url}
        else:
            with serving(embedded) as url:
                results["server"] = {**_measure_server(url, decisions), "url": "stand-in"}
    finally:
        embedded.close()
    return results


def _measure_server(url: str, decisions: int) -> dict[str, Any]:
    server = ServerEngine(url)
    try:
        return {
            **measure(server.decide, decisions),
            "trivial": measure(lambda i: server.client.query_rule(i, *TRIVIAL), decisions),
        }
    finally:
        server.close()


def run(quick: bool) -> list[Measurement]:
    """Decisions per second and p99 of each engine, next to its trivial query."""
    label = "trivial query (a lookup in the bundle's data) on the same engine, same input"
    results = bench_policy(200 if quick else 5000)
    measurements = []
    for engine, figures in results.items():
        bound = (
            "OPA's evaluation of our rules (Go, in process)"
            if engine == "embedded"
            else "the HTTP round trip; with the stand-in also its Python HTTP server"
        )
        where = {"decisions": figures["decisions"], "url": figures.get("url")}
        measurements += [
            Measurement(
                f"policy {engine} decisions", "decisions/s", figures["decisions_per_second"],
                figures["trivial"]["decisions_per_second"], label, bound=bound, details=where,
            ),
            Measurement(
                f"policy {engine} p99", "ms", figures["p99_ms"], figures["trivial"]["p99_ms"],
                label, higher_is_better=False, bound=bound, details=where,
            ),
        ]  # fmt: skip
    return measurements
