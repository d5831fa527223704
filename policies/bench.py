"""Policy decisions per second and p99 latency, per engine (for `wvp bench policy`).

The server engine is measured against WVP_OPA_URL when given, else against the local Data API
stand-in (`policies.dataapi`), which adds Python HTTP overhead a real OPA server does not have.
"""

import time
from statistics import quantiles
from typing import Any

from policies.dataapi import serving
from policies.engine import EmbeddedEngine, PolicyEngine, ServerEngine
from policies.matrix import DELEGATIE, DOSSIER

MAX_DECISIONS = 100_000

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


def measure(engine: PolicyEngine, decisions: int) -> dict[str, float]:
    decisions = max(1, min(decisions, MAX_DECISIONS))
    latencies = []
    started = time.perf_counter()
    for i in range(decisions):
        begin = time.perf_counter()
        engine.decide(INPUTS[i % len(INPUTS)])
        latencies.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    p99 = quantiles(latencies, n=100)[98] if len(latencies) > 1 else latencies[0]
    return {
        "decisions": decisions,
        "decisions_per_second": decisions / elapsed,
        "p99_ms": p99 * 1000,
    }


def bench_policy(decisions: int = 2000, opa_url: str | None = None) -> dict[str, Any]:
    """{"embedded": {...}, "server": {...}} with decisions, decisions_per_second and p99_ms."""
    embedded = EmbeddedEngine()
    try:
        results: dict[str, Any] = {"embedded": measure(embedded, decisions)}
        if opa_url:
            results["server"] = {**_measure_server(opa_url, decisions), "url": opa_url}
        else:
            with serving(embedded) as url:
                results["server"] = {**_measure_server(url, decisions), "url": "stand-in"}
    finally:
        embedded.close()
    return results


def _measure_server(url: str, decisions: int) -> dict[str, float]:
    server = ServerEngine(url)
    try:
        return measure(server, decisions)
    finally:
        server.close()


if __name__ == "__main__":
    print(bench_policy(500))
