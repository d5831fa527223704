"""Reading topics as an operator does: with aiokafka (the client the services run on) and
manually assigned partitions, so a reader joins no consumer group and moves no service's
offsets. The replay from Kafka (`compliance.kafka`) and the DLQ commands (`dlq`) read this way.
"""

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable
from contextlib import asynccontextmanager
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaConnectionError


def run(work: Coroutine[Any, Any, Any], timeout: float, failure: str) -> Any:
    """Run `work` to its end; after `timeout` seconds fail with `failure`, a Dutch sentence."""
    try:
        return asyncio.run(asyncio.wait_for(work, timeout))
    except TimeoutError:
        raise TimeoutError(failure) from None


@asynccontextmanager
async def consumer(bootstrap: str) -> AsyncIterator[AIOKafkaConsumer]:
    started = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, request_timeout_ms=10_000
    )
    try:
        await started.start()
    except KafkaConnectionError:
        await started.stop()
        raise ConnectionError(f"Kafka op {bootstrap} is niet bereikbaar") from None
    try:
        yield started
    finally:
        await started.stop()


async def read_whole(
    bootstrap: str, topics: Iterable[str], visit: Callable[[ConsumerRecord], None]
) -> None:
    """Call `visit` for every message of those `topics` that exist, from offset 0 to the end
    offsets now, in each partition's order."""
    async with consumer(bootstrap) as reading:
        existing = await reading.topics()
        partitions = [
            TopicPartition(t, p)
            for t in topics
            if t in existing
            for p in reading.partitions_for_topic(t) or ()
        ]
        if not partitions:
            return
        reading.assign(partitions)
        await reading.seek_to_beginning(*partitions)
        ends = await reading.end_offsets(partitions)
        while [p for p in partitions if await reading.position(p) < ends[p]]:
            for tp, batch in (await reading.getmany(timeout_ms=200)).items():
                for message in batch:
                    if message.offset < ends[tp]:
                        visit(message)


async def read_one(
    bootstrap: str, topic: str, partition: int, offset: int
) -> ConsumerRecord | None:
    """The message at `offset`, or None when the partition does not hold it (never written, or
    removed since by the topic's retention)."""
    async with consumer(bootstrap) as reading:
        if topic not in await reading.topics() or partition not in (
            reading.partitions_for_topic(topic) or ()
        ):
            return None
        tp = TopicPartition(topic, partition)
        reading.assign([tp])
        first = (await reading.beginning_offsets([tp]))[tp]
        end = (await reading.end_offsets([tp]))[tp]
        if not first <= offset < end:
            return None
        reading.seek(tp, offset)
        while True:
            for message in (await reading.getmany(tp, timeout_ms=200)).get(tp, []):
                if message.offset >= offset:  # past it: a compacted topic dropped it
                    return message if message.offset == offset else None
