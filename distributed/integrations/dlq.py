"""The dead-letter queue: what an inbound channel could not apply, with the reason.

The message keeps its key, body and headers, except the sender's token: a bearer credential
does not belong in a queue that operators read. The reason travels in `wvp_dlq_*` headers.
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
MAX_DETAIL = 1000  # a schema error lists every field; the header need not grow with it


def headers(
    service: str, record: Any, original: dict[str, str], reden: str, toelichting: str
) -> dict[str, str]:
    kept = {k: v for k, v in original.items() if k.lower() not in WITHHELD}
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
    await broker.publish(
        record.value,
        DLQ,
        key=record.key,
        partition=0,
        headers=headers(service, record, original, reden, toelichting),
    )


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
            f"{SOURCE_OFFSET} en {SERVICE}."
        ),
        schema=bytes,
    )
