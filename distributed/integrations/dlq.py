"""The dead-letter queue: what an inbound channel could not apply, with the reason.

The message keeps its key, body and headers, except the sender's token: a bearer credential
does not belong in a queue that operators read. The reason travels in `wvp_dlq_*` headers.
A message too large to copy (the producer refuses requests over 1 MiB, and a sender's broker may
accept more) goes as a reference: no body, `wvp_dlq_reference: 1`, and its topic, partition and
offset, where the original stays for as long as the topic keeps it.
"""

from typing import Any

from faststream.kafka import KafkaBroker

from distributed.integrations import DLQ

REASON = "wvp_dlq_reason"  # a code, e.g. te_groot, schema, niet_toegestaan
DETAIL = "wvp_dlq_detail"  # the explanation, in Dutch, for people
SOURCE_TOPIC = "wvp_dlq_source_topic"
SOURCE_PARTITION = "wvp_dlq_source_partition"
SOURCE_OFFSET = "wvp_dlq_source_offset"
SERVICE = "wvp_dlq_service"
WITHHELD = ("authorization",)
REFERENCE = "wvp_dlq_reference"  # "1": the body was too large to copy; read it at the source
MAX_DETAIL = 1000  # a schema error lists every field; the header need not grow with it
# What a copy may weigh (body and headers): under the producer's 1 MiB request limit, with room
# for the record's own overhead.
MAX_COPY = 512 * 1024


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
    await broker.publish(body, DLQ, key=record.key, partition=0, headers=labelled)


def declare(broker: KafkaBroker, service: str) -> None:
    """The DLQ as a publisher of the broker, so the AsyncAPI document lists it."""
    broker.publisher(
        DLQ,
        title=f"{service} publiceert op {DLQ}",
        description=(
            "Inkomende berichten die niet zijn toegepast: ongewijzigde sleutel, inhoud en "
            "kopregels (zonder het token van de afzender), met de reden in "
            f"{REASON} (te_groot, niet_geauthenticeerd, geen_json, schema, niet_toegestaan, "
            f"niet_ondersteund, afgewezen), {DETAIL}, {SOURCE_TOPIC}, {SOURCE_PARTITION}, "
            f"{SOURCE_OFFSET} en {SERVICE}. Een bericht te groot om te kopiëren komt zonder "
            f"inhoud, met {REFERENCE}: 1; lees het dan bij de bron."
        ),
        schema=bytes,
    )
