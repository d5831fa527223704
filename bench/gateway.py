"""`wvp bench gateway`: latency of a dossier query per role against a trivial query.

Starts the gateway in a subprocess on a free loopback port with a temporary data dir, records one
dossier through the API, then measures p50/p99 at 1, 10 and 50 concurrent clients. The trivial
query (`me`) shares authentication and transport, so the ratio shows what policy and projection
cost. Every measurement is bounded by a request count and a time limit.
"""

import asyncio
import os
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench import Measurement
from gateway.auth import mint_token
from gateway.settings import GatewaySettings
from tooling.subprocesses import WVP, end

CONCURRENCY = (1, 10, 50)
PARTIES = {
    "werkgever": ("hr1", "acme"),
    "casemanager": ("cm1", "acme"),
    "bedrijfsarts": ("ba1", "arbo"),
    "werknemer": ("wn1", "acme"),
    "uwv": ("uwv1", "uwv"),
}
DOSSIER_QUERY = """query($d: ID!) { dossier(id: $d) { id status
  timeline { type classificatie geldigOp payload }
  documenten { probleemanalyses { beperkingen } planVanAanpak { doel } riv { ontbrekend } }
  kalender { code status } deelnemers { rol } } }"""
TRIVIAL_QUERY = "{ me { rol } }"
SETUP = [
    ("werkgever", "stelCasemanagerAan",
     {"geldigOp": "2026-01-05", "persoonId": "cm1", "naam": "C"}),
    ("werkgever", "wijsBedrijfsartsToe",
     {"geldigOp": "2026-01-05", "persoonId": "ba1", "organisatie": "arbo"}),
    ("bedrijfsarts", "leverProbleemanalyseOp",
     {"geldigOp": "2026-02-10", "mogelijkheden": "licht werk", "beperkingen": "niet tillen",
      "advies": "opbouwen", "diagnose": "bench"}),
    ("werkgever", "stelPlanVanAanpakVast",
     {"geldigOp": "2026-02-20", "doel": "terug", "financieleGevolgenUitgelegd": True,
      "afspraken": [{"wat": "halve dagen", "wie": "wn", "uiterlijk": "2026-03-20"}]}),
    ("casemanager", "dienMelding42WekenIn", {"geldigOp": "2026-10-20", "kenmerk": "M42"}),
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _measure(
    client: httpx.AsyncClient, url: str, token: str, body: dict, clients: int, total: int,
    max_seconds: float,
) -> list[float]:  # fmt: skip
    latencies: list[float] = []
    deadline = time.monotonic() + max_seconds
    headers = {"Authorization": f"Bearer {token}"}
    remaining = iter(range(total))

    async def worker() -> None:
        for _ in remaining:
            if time.monotonic() > deadline:
                return
            start = time.perf_counter()
            response = await client.post(url, json=body, headers=headers)
            latencies.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies


async def _bench(
    url: str, tokens: dict[str, str], requests: int, max_seconds: float, levels: tuple[int, ...]
) -> list[Measurement]:
    limits = httpx.Limits(max_connections=max(levels))
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:

        async def mutate(role: str, name: str, fields: dict, dossier_id: str | None) -> dict:
            args = "$d: ID!, " if dossier_id else ""
            call = "dossierId: $d, " if dossier_id else ""
            input_type = name[0].upper() + name[1:] + "Input"
            query = (
                f"mutation({args}$i: {input_type}!) {{ {name}({call}input: $i) {{ dossierId }} }}"
            )
            response = await client.post(
                url,
                json={"query": query, "variables": {"d": dossier_id, "i": fields}},
                headers={"Authorization": f"Bearer {tokens[role]}"},
            )
            answer = response.json()
            if answer.get("errors"):
                raise RuntimeError(f"bench setup {name}: {answer['errors']}")
            return answer["data"][name]

        opened = await mutate(
            "werkgever",
            "registreerZiekmelding",
            {"geldigOp": "2026-01-05", "werknemerId": "wn1", "werkgeverId": "acme"},
            None,
        )
        dossier_id = opened["dossierId"]
        for role, name, fields in SETUP:
            await mutate(role, name, fields, dossier_id)

        results = []
        bodies = {
            "dossier": {"query": DOSSIER_QUERY, "variables": {"d": dossier_id}},
            "trivial": {"query": TRIVIAL_QUERY},
        }
        for role, token in tokens.items():
            for clients in levels:
                times = {}
                for kind, body in bodies.items():
                    await _measure(client, url, token, body, clients, clients, max_seconds)  # warm
                    times[kind] = await _measure(
                        client, url, token, body, clients, requests, max_seconds
                    )
                results += _figures(role, clients, times["dossier"], times["trivial"])
        return results


def _figures(role: str, clients: int, dossier: list[float], trivial: list[float]):
    label = "trivial `me` query, same token and transport"
    details = {"requests": len(dossier), "trivial_requests": len(trivial)}
    return [
        Measurement(
            f"gateway {role}, {clients} clients, p{q}", "ms", figure(dossier), figure(trivial),
            label, higher_is_better=False, details=details,
            goal="<= 25 ms" if (q, clients) == (99, 10) else "",
            bound="Python, one core: the GraphQL library's per-field execution, then HTTP and auth "
            "(the trivial query's fixed cost)",
        )
        for q, figure in ((50, statistics.median), (99, lambda t: _percentile(t, 0.99)))
    ]  # fmt: skip


def run_bench(
    requests: int = 200, max_seconds: float = 20.0, concurrency: tuple[int, ...] = CONCURRENCY
) -> list[Measurement]:
    """Measure against a fresh gateway subprocess on 127.0.0.1; the subprocess is always ended."""
    secret = "bench-" + os.urandom(16).hex()
    settings = GatewaySettings(jwt_secret=secret)
    tokens = {role: mint_token(settings, role, *who) for role, who in PARTIES.items()}
    port = _free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "WVP_DATA_DIR": data_dir, "WVP_JWT_SECRET": secret,
               "WVP_DATABASE_URL": ""}  # fmt: skip
        process = subprocess.Popen(
            [WVP, "serve", "--port", str(port)],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(base, process)
            return asyncio.run(
                _bench(f"{base}/graphql", tokens, requests, max_seconds, concurrency)
            )
        finally:
            end(process)


def _wait_until_up(base: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the gateway exited during start-up")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"the gateway did not answer within {timeout} s")


def run(quick: bool) -> list[Measurement]:
    """p50 and p99 of the dossier query per role and number of clients, next to `me`."""
    if quick:
        return run_bench(requests=20, max_seconds=3.0, concurrency=(1, 10))
    return run_bench()
