"""`wvp bench kafka`: events per second and propagation latency of the distributed runtime, next
to raw produce-to-consume on the same broker in the same run.

Five service processes and a Tansu broker are started on loopback; this process holds the
gateway's read model (`DistributedPlatform`, without policy). Ziekmeldingen are sent to the
werkgever's control endpoint; each is recorded there, relayed, applied by the four followers
(whose reactions are relayed in turn) and applied by the read model. Propagation latency of an
event is the moment the read model applied it minus the moment its service recorded it (both
the wall clock of this machine). The baseline: aiokafka sends messages of the same mean size one
at a time, each acknowledged before the next, and a consumer on the same broker reads them back.
"""

import asyncio
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench import Measurement
from distributed import codec, topology
from distributed.client import RemotePlatform
from distributed.consumer import FETCH_WAIT_MS
from distributed.gateway import DistributedPlatform
from distributed.sealing import generate
from distributed.settings import DistributedSettings
from tooling.processes import ServiceProcesses
from tooling.tansu import Tansu, free_port
from wvp.scenario import Casus, DossierBuilder, betrokkenen

WERKGEVER = "wg-bench"
RAW_TOPIC = "bench.raw"
CLIENTS = 4  # concurrent command senders


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Observed:
    """What the read model applied: the latency and wire size of every event."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.sizes: list[int] = []
        self.last = 0.0
        self.mapper = codec.wire_mapper()

    def __call__(self, event: Any) -> None:
        self.last = time.time()
        self.latencies.append(self.last - event.timestamp.timestamp())
        self.sizes.append(len(self.mapper.to_stored_event(event).state))


def send_ziekmeldingen(
    remote: RemotePlatform, count: int, deadline: float, prefix: str = "wn"
) -> int:
    """`count` ziekmeldingen from a few clients at once; how many were sent before `deadline`."""

    def one(i: int) -> bool:
        if time.monotonic() > deadline:
            return False
        casus = Casus(betrokkenen(WERKGEVER, f"{prefix}-{i}"), date(2026, 3, 2), None)
        DossierBuilder(remote, casus).doe("ziekmelding")
        return True

    with ThreadPoolExecutor(CLIENTS) as clients:
        return sum(clients.map(one, range(count)))


async def ours(
    bootstrap: str, root: Path, commands: int, seconds: float
) -> tuple[Observed, float, int]:
    """Drive the services; returns what the read model saw, when the run started, and how many
    commands were sent."""
    keys = root / "keys"
    generate(keys, sorted({topology.BEDRIJFSARTS_ZIJDE, *topology.BY_NAME}))
    services = ServiceProcesses(bootstrap, root / "services", keys, env={"WVP_DATABASE_URL": ""})
    services.root.mkdir()
    try:
        services.start_all()
        settings = DistributedSettings(
            bootstrap,
            ports=services.ports,
            private_key=str(keys / f"{topology.BEDRIJFSARTS_ZIJDE}.key.pem"),
            gateway_group="bench",
        )
        env = {"WVP_DATA_DIR": str(root / "readmodel"), "WVP_DATABASE_URL": ""}
        readmodel = DistributedPlatform(settings, env, policy=False)
        await readmodel.start()
        try:
            remote = RemotePlatform(services.urls, settle=False)
            deadline = time.monotonic() + seconds
            # One case first, so every consumer group has its partitions before timing starts.
            await asyncio.to_thread(send_ziekmeldingen, remote, 1, deadline, "warm-up")
            await asyncio.to_thread(readmodel.catch_up, seconds)
            observed = Observed()
            readmodel.on_apply = observed
            started = time.time()
            sent = await asyncio.to_thread(send_ziekmeldingen, remote, commands, deadline)
            left = max(1.0, deadline - time.monotonic())
            if not await asyncio.to_thread(readmodel.catch_up, left):
                raise TimeoutError(f"het leesmodel liep na {seconds} s nog achter")
            remote.close()
            return observed, started, sent
        finally:
            await readmodel.stop()
    finally:
        services.stop_all()


async def raw(bootstrap: str, count: int, size: int, seconds: float) -> tuple[float, list[float]]:
    """aiokafka only: `count` messages of `size` bytes, each sent and acknowledged before the
    next, read back by a consumer started first. Returns messages per second and latencies."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=FETCH_WAIT_MS
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    await consumer.start()
    try:
        await producer.send_and_wait(RAW_TOPIC, b"warm-up", partition=0)
        partition = TopicPartition(RAW_TOPIC, 0)
        consumer.assign([partition])
        await consumer.seek_to_end(partition)
        await consumer.position(partition)
        payload = b"x" * max(0, size - 20)
        latencies: list[float] = []
        deadline = time.monotonic() + seconds

        async def receive() -> float:
            while len(latencies) < count and time.monotonic() < deadline:
                batch = await consumer.getmany(partition, timeout_ms=100)
                for record in batch.get(partition, []):
                    latencies.append(time.time() - float(record.value[:20]))
            return time.time()

        receiving = asyncio.create_task(receive())
        started = time.time()
        for _ in range(count):
            if time.monotonic() > deadline:
                break
            await producer.send_and_wait(RAW_TOPIC, b"%20.6f" % time.time() + payload, partition=0)
        finished = await receiving
        return len(latencies) / (finished - started), latencies
    finally:
        await consumer.stop()
        await producer.stop()


async def measure(quick: bool) -> list[Measurement]:
    commands, seconds = (40, 25.0) if quick else (500, 180.0)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        broker = Tansu(free_port(), root / "tansu.log").start()
        try:
            observed, started, sent = await ours(broker.bootstrap, root, commands, seconds)
            size = round(statistics.mean(observed.sizes))
            events = len(observed.latencies)
            raw_rate, raw_latencies = await raw(broker.bootstrap, events, size, seconds / 2)
        finally:
            broker.stop()
    rate = events / (observed.last - started)
    details = {
        "commands": sent,
        "events applied by the read model": events,
        "mean message bytes": size,
        "raw messages": len(raw_latencies),
    }
    bound = (
        "the followers' consumers (one message at a time: a store transaction and an offset"
        " commit each), one store thread per service, Python"
    )
    baseline = "aiokafka send_and_wait -> consumer, same size and broker"
    ms = [1000 * x for x in observed.latencies]
    raw_ms = [1000 * x for x in raw_latencies]
    return [
        Measurement(
            "kafka end-to-end",
            "events/s",
            rate,
            raw_rate,
            baseline,
            bound=bound,
            details=details,
        ),
        *(
            Measurement(
                f"kafka propagation {label}",
                "ms",
                percentile(ms, fraction),
                percentile(raw_ms, fraction),
                baseline,
                higher_is_better=False,
                bound=bound,
                details=details,
            )
            for label, fraction in (("p50", 0.5), ("p99", 0.99))
        ),
    ]


def run(quick: bool) -> list[Measurement]:
    """Events/s and p50/p99 propagation latency, each next to raw aiokafka on the same broker."""
    return asyncio.run(measure(quick))
