"""The dead-letter queue `wvp.dlq`: what a consumer could not apply, with the reason, so that no
message holds up the ones behind it on its partition.

Every consumer of a service process puts messages here: the inbound channels a refused message
at once (`DeadLetter`, with the check's reason), the followers a leader's message that does not
decode (`onleesbaar`), and both a message whose application still fails after bounded retries
with exponential backoff (`onverwerkbaar`: the store was away for longer than the retries
waited, or a bug). The consumer then commits past it. Only a failure to publish here is retried
without bound (nack), as the message would otherwise be lost.

The message keeps its key, body and headers, except the sender's token: a bearer credential
does not belong in a queue that operators read. The reason travels in `wvp_dlq_*` headers.
A message too large to copy (the producer refuses requests over 1 MiB, and a sender's broker may
accept more) goes as a reference: no body, `wvp_dlq_reference: 1`, and its topic, partition and
offset, where the original stays for as long as the topic keeps it.

Operators list the queue (`entries`) and re-drive a message to its source topic (`replay`):
`wvp dlq list` and `wvp dlq replay`.
"""

import dataclasses
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import tenacity
from aiokafka import AIOKafkaProducer
from faststream.kafka import KafkaBroker, KafkaMessage

from distributed import reader

TOPIC = "wvp.dlq"
REASON = "wvp_dlq_reason"  # a code, e.g. te_groot, schema, onverwerkbaar
DETAIL = "wvp_dlq_detail"  # the explanation, for people
SOURCE_TOPIC = "wvp_dlq_source_topic"
SOURCE_PARTITION = "wvp_dlq_source_partition"
SOURCE_OFFSET = "wvp_dlq_source_offset"
SERVICE = "wvp_dlq_service"  # whose consumer gave up on it
WITHHELD = ("authorization",)
REFERENCE = "wvp_dlq_reference"  # "1": the body was too large to copy; read it at the source
# On a re-driven message: the entry it came from, and the one service meant to apply it.
REPLAYED_FROM = "wvp_dlq_replayed_from"
REPLAYED_FOR = "wvp_dlq_replayed_for"
PREFIX = "wvp_dlq_"
MAX_DETAIL = 1000  # a schema error lists every field; the header need not grow with it
# What a copy may weigh (body and headers): under the producer's 1 MiB request limit, with room
# for the record's own overhead.
MAX_COPY = 512 * 1024
TIMEOUT = 30.0  # seconds an operator's command may take against the broker

# Reason codes of the consumers themselves (the inbound channels add their own).
ONLEESBAAR = "onleesbaar"  # does not decode: no retry can help
ONVERWERKBAAR = "onverwerkbaar"  # still failing after the retries

log = logging.getLogger(__name__)


class DeadLetter(Exception):
    """A message that no retry will help: it goes to the DLQ at once, with its reason."""

    def __init__(self, reden: str, toelichting: str):
        self.reden = reden
        self.toelichting = toelichting
        super().__init__(f"{reden}: {toelichting}")


def describe(error: BaseException, private: bool = False) -> str:
    """An error for the DLQ's detail header. `private`: the message came from a medical stream,
    whose error text may quote the payload, and the DLQ is read in the clear: the type only."""
    return type(error).__name__ if private else f"{type(error).__name__}: {error}"


@dataclass(frozen=True)
class Retries:
    """How often a failing message is tried (in all) and how long is waited in between: `wait`
    seconds before the second attempt, doubling, at most `max_wait`."""

    attempts: int = 5
    wait: float = 0.1
    max_wait: float = 2.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Retries":
        try:
            retries = cls(
                attempts=int(environ.get("WVP_KAFKA_RETRY_ATTEMPTS") or cls.attempts),
                wait=float(environ.get("WVP_KAFKA_RETRY_WAIT") or cls.wait),
                max_wait=float(environ.get("WVP_KAFKA_RETRY_MAX_WAIT") or cls.max_wait),
            )
        except ValueError as e:
            raise SystemExit(f"WVP_KAFKA_RETRY_*: {e}") from None
        if retries.attempts < 1 or retries.wait < 0 or retries.max_wait < retries.wait:
            raise SystemExit(
                "WVP_KAFKA_RETRY_ATTEMPTS moet minstens 1 zijn en 0 <= WVP_KAFKA_RETRY_WAIT <= "
                "WVP_KAFKA_RETRY_MAX_WAIT"
            )
        return retries

    def retrying(self, where: str, private: bool = False) -> tenacity.AsyncRetrying:
        def before_sleep(state: tenacity.RetryCallState) -> None:
            log.warning(
                "%s: poging %d van %d mislukt (%s); opnieuw over %.2f s",
                where,
                state.attempt_number,
                self.attempts,
                state.outcome and describe(state.outcome.exception(), private),
                state.upcoming_sleep,
            )

        return tenacity.AsyncRetrying(
            stop=tenacity.stop_after_attempt(self.attempts),
            wait=tenacity.wait_exponential(multiplier=self.wait, max=self.max_wait),
            # Any failure but a dead letter; not a cancellation (a BaseException): the process
            # is stopping.
            retry=tenacity.retry_if_exception(
                lambda e: isinstance(e, Exception) and not isinstance(e, DeadLetter)
            ),
            before_sleep=before_sleep,
            reraise=True,
        )


async def guarded(
    broker: KafkaBroker,
    service: str,
    msg: KafkaMessage,
    apply: Callable[[], Awaitable[Any]],
    retries: Retries,
    private: bool = False,
    skipped: Callable[[], Awaitable[Any]] | None = None,
) -> None:
    """Apply a message, retried while it fails; what no retry helps, or still fails after the
    last, goes to the DLQ, and then `skipped` runs. Returns normally either way, so the consumer
    commits past it."""
    record = msg.raw_message
    where = f"{service} {record.topic}[{record.partition}]@{record.offset}"
    try:
        await retries.retrying(where, private)(apply)
        return
    except DeadLetter as e:
        reden, toelichting = e.reden, e.toelichting
    except Exception as e:
        reden = ONVERWERKBAAR
        toelichting = f"na {retries.attempts} pogingen: {describe(e, private)}"
    log.warning("%s naar %s: %s: %s (opnieuw: wvp dlq replay)", where, TOPIC, reden, toelichting)
    await publish(broker, service, record, dict(msg.headers), reden, toelichting)
    if skipped is not None:
        try:
            await skipped()
        except Exception as e:  # the store is away still: the next applied message moves on
            log.warning("%s: positie niet bijgewerkt (%s)", where, describe(e, private))


async def lenient_headers(record: Any, parse: Callable[[Any], Awaitable[KafkaMessage]]) -> Any:
    """FastStream decodes header values as UTF-8 before any handler runs, and drops a message
    whose headers are not; decoded leniently, such a message still meets the checks (and, failing
    them, the DLQ)."""
    headers = [(k, (v or b"").decode("utf-8", "replace").encode()) for k, v in record.headers]
    return await parse(dataclasses.replace(record, headers=headers))


def _weight(headers: dict[str, str]) -> int:
    return sum(len(k.encode()) + len(v.encode()) for k, v in headers.items())


def headers(
    service: str, record: Any, original: dict[str, str], reden: str, toelichting: str
) -> dict[str, str]:
    kept = {k: v for k, v in original.items() if k.lower() not in WITHHELD}
    if _weight(kept) > MAX_COPY // 2:
        kept = {}  # the sender's headers alone would not fit: the source still has them
    return {
        **kept,
        REASON: reden,
        DETAIL: toelichting[:MAX_DETAIL],
        SOURCE_TOPIC: record.topic,
        SOURCE_PARTITION: str(record.partition),
        SOURCE_OFFSET: str(record.offset),
        SERVICE: service,
    }


async def publish(
    broker: KafkaBroker,
    service: str,
    record: Any,
    original: dict[str, str],
    reden: str,
    toelichting: str,
) -> None:
    body = record.value or b""
    labelled = headers(service, record, original, reden, toelichting)
    if len(body) + _weight(labelled) > MAX_COPY:
        body, labelled = b"", {**labelled, REFERENCE: "1"}
    await broker.publish(body, TOPIC, key=record.key, partition=0, headers=labelled)


def declare(broker: KafkaBroker, service: str) -> None:
    """The DLQ as a publisher of the broker, so the AsyncAPI document lists it."""
    broker.publisher(
        TOPIC,
        title=f"{service} publiceert op {TOPIC}",
        description=(
            "Berichten die een consument niet heeft toegepast: ongewijzigde sleutel, inhoud en "
            "kopregels (zonder het token van de afzender), met de reden in "
            f"{REASON}: van een inkomend kanaal te_groot, niet_geauthenticeerd, geen_json, "
            "schema, niet_toegestaan, niet_ondersteund of afgewezen; van elke consument "
            f"{ONLEESBAAR} (niet te decoderen) of {ONVERWERKBAAR} (mislukt na de herhaalde "
            f"pogingen). Verder {DETAIL}, {SOURCE_TOPIC}, {SOURCE_PARTITION}, {SOURCE_OFFSET} "
            f"en {SERVICE}. Een bericht te groot om te kopiëren komt zonder inhoud, met "
            f"{REFERENCE}: 1; lees het dan bij de bron. `wvp dlq replay` zet een bericht terug "
            f"op zijn bron, met {REPLAYED_FROM} en {REPLAYED_FOR}."
        ),
        schema=bytes,
    )


# The operator's side: reading the queue and re-driving a message.


@dataclass(frozen=True)
class Entry:
    id: str  # "partition:offset" on the DLQ topic
    time: datetime
    key: bytes | None
    body: bytes
    headers: tuple[tuple[str, bytes], ...]

    def header(self, name: str) -> str:
        return next((v.decode("utf-8", "replace") for k, v in self.headers if k == name), "")

    @property
    def source_topic(self) -> str:
        return self.header(SOURCE_TOPIC)

    @property
    def source_partition(self) -> int:
        return int(self.header(SOURCE_PARTITION) or 0)

    @property
    def reference(self) -> bool:
        return self.header(REFERENCE) == "1"

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "time": self.time.isoformat(),
            "source_topic": self.source_topic,
            "source_partition": self.source_partition,
            "source_offset": int(self.header(SOURCE_OFFSET) or -1),
            "service": self.header(SERVICE),
            "reason": self.header(REASON),
            "detail": self.header(DETAIL),
            "reference": self.reference,
        }


def _entry(record: Any) -> Entry:
    return Entry(
        f"{record.partition}:{record.offset}",
        datetime.fromtimestamp(record.timestamp / 1000, UTC),
        record.key,
        record.value or b"",
        tuple(record.headers),
    )


def entries(bootstrap: str) -> list[Entry]:
    """Every message in the DLQ, oldest first per partition."""
    found: list[Entry] = []
    reader.run(
        reader.read_whole(bootstrap, [TOPIC], lambda record: found.append(_entry(record))),
        TIMEOUT,
        f"{TOPIC} op {bootstrap} is niet binnen {TIMEOUT} s gelezen",
    )
    return found


def _position(entry_id: str) -> tuple[int, int]:
    try:
        partition, offset = (int(part) for part in entry_id.split(":"))
    except ValueError:
        raise ValueError(f"{entry_id!r} is geen DLQ-id (verwacht PARTITIE:OFFSET)") from None
    return partition, offset


def entry(bootstrap: str, entry_id: str) -> Entry:
    partition, offset = _position(entry_id)
    record = reader.run(
        reader.read_one(bootstrap, TOPIC, partition, offset),
        TIMEOUT,
        f"{TOPIC} op {bootstrap} is niet binnen {TIMEOUT} s gelezen",
    )
    if record is None:
        raise LookupError(f"{TOPIC} heeft geen bericht {entry_id} (zie wvp dlq list)")
    return _entry(record)


def replay(bootstrap: str, dead: Entry, extra: Mapping[str, str]) -> None:
    """Publish the dead message again to its source topic and partition: its key, body and
    headers without the DLQ's own and the sender's token, marked with the entry it came from
    and the service meant to apply it, plus `extra` (a fresh token). A reference is re-read at
    the source."""
    if not dead.source_topic:
        raise LookupError(f"{dead.id} in {TOPIC} noemt geen bron ({SOURCE_TOPIC})")
    reader.run(
        _replay(bootstrap, dead, extra),
        TIMEOUT,
        f"{dead.id} is niet binnen {TIMEOUT} s opnieuw gepubliceerd op {bootstrap}",
    )


async def _replay(bootstrap: str, dead: Entry, extra: Mapping[str, str]) -> None:
    key, body, original = dead.key, dead.body, dead.headers
    if dead.reference:
        offset = int(dead.header(SOURCE_OFFSET))
        record = await reader.read_one(bootstrap, dead.source_topic, dead.source_partition, offset)
        if record is None:
            raise LookupError(
                f"het origineel van {dead.id} staat niet meer op {dead.source_topic} "
                f"(partitie {dead.source_partition}, offset {offset})"
            )
        key, body, original = record.key, record.value or b"", tuple(record.headers)
    labelled = [
        (k, v) for k, v in original if not k.startswith(PREFIX) and k.lower() not in WITHHELD
    ]
    labelled += [(REPLAYED_FROM, dead.id.encode()), (REPLAYED_FOR, dead.header(SERVICE).encode())]
    labelled += [(k, v.encode()) for k, v in extra.items()]
    # A reference's original may exceed the default request limit: it was written once, so the
    # broker takes it.
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, max_request_size=max(1 << 20, len(body) + (64 << 10))
    )
    await producer.start()
    try:
        await producer.send_and_wait(
            dead.source_topic, body, key=key, partition=dead.source_partition, headers=labelled
        )
    finally:
        await producer.stop()
