"""A stored event as a Kafka message and back: CloudEvents 1.0 in binary mode.

The CloudEvents attributes travel as `ce_*` headers; the body is the event's state as the
library's JSON transcoder writes it, so the receiver rebuilds the very domain event the leader
stored. Medical facts carry, in the clear, only the envelope with payload and hashes withheld;
the full state is sealed for the recipients entitled to it (`sealing`).
"""

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    StoredEvent,
    UUIDAsHex,
)
from eventsourcing.utils import get_topic

from distributed import topology
from distributed.sealing import Keyring, dumps
from services.shared.application import event_id
from services.shared.transcodings import DateAsISO

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"
# What a receiver may not learn from a medical fact it cannot open.
WITHHELD = {"data": {}, "hash": "", "prev_hash": ""}


class MessageRejected(ValueError):
    """The message is not a well-formed event of the leader it came from."""


def wire_mapper() -> Mapper:
    """Events on the wire are plain JSON: no compression, no at-rest cipher."""
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(transcoding)
    return Mapper(transcoder=transcoder)


@dataclass(frozen=True)
class Message:
    topic: str
    key: bytes
    body: bytes
    headers: dict[str, str]
    notification_id: int
    stream: str


def event_type_uri(event: Any) -> str:
    return f"nl.wvp.{type(event).__name__}.v{event.schema_version}"


def cloudevent_headers(service: str, event: Any, ce_type: str) -> dict[str, str]:
    """The CloudEvents attributes every message about one of `service`'s facts carries."""
    headers = {
        "ce_specversion": SPECVERSION,
        "ce_id": event_id(event),
        "ce_source": f"urn:wvp:{service}",
        "ce_type": ce_type,
        "ce_time": event.timestamp.isoformat(),
        "ce_datacontenttype": CONTENT_TYPE,
    }
    if event.dossier_id:
        headers["ce_subject"] = event.dossier_id
    return headers


def encode(
    service: str, notification_id: int, event: Any, mapper: Mapper, keyring: Keyring
) -> Message:
    stored = mapper.to_stored_event(event)
    stream = topology.MEDISCH if event.classificatie == "medisch" else topology.EVENTS
    ce_id = event_id(event)
    headers = {
        **cloudevent_headers(service, event, event_type_uri(event)),
        "ce_classificatie": event.classificatie,
        "ce_notificationid": str(notification_id),
        "ce_eventclass": stored.topic,
    }
    body = stored.state
    if stream == topology.MEDISCH:
        recipients = topology.medical_recipients(service, type(event).__name__)
        redacted = {**json.loads(stored.state), **WITHHELD}
        sealed = keyring.seal(stored.state, recipients, ce_id.encode())
        body = dumps({"redacted": redacted, "sealed": sealed})
    key = (event.dossier_id or str(event.originator_id)).encode()
    return Message(topology.topic(service, stream), key, body, headers, notification_id, stream)


@dataclass(frozen=True)
class Received:
    event: Any
    notification_id: int
    complete: bool  # False: a medical fact whose payload this receiver may not open


def decode(
    leader: str, stream: str, body: bytes, headers: dict[str, Any], mapper: Mapper, keyring: Keyring
) -> Received:
    try:
        ce_id = headers["ce_id"]
        originator, version = ce_id.split("/")
        notification_id = int(headers["ce_notificationid"])
        event_class = headers["ce_eventclass"]
    except (KeyError, ValueError) as e:
        raise MessageRejected(f"CloudEvents-kopregels ontbreken of kloppen niet: {e}") from None
    # The class is imported by name, so only the leader's own domain model is acceptable.
    if not event_class.startswith(f"services.{leader}.domainmodel:"):
        raise MessageRejected(f"{event_class} hoort niet bij {leader}")
    complete = True
    if stream == topology.MEDISCH:
        envelope = json.loads(body)
        if keyring.can_open(envelope["sealed"]):
            state = keyring.open(envelope["sealed"], ce_id.encode())
        else:
            state, complete = json.dumps(envelope["redacted"]).encode(), False
    else:
        state = body
    stored = StoredEvent(UUID(originator), int(version), event_class, state)
    event = mapper.to_domain_event(stored)
    if get_topic(type(event)) != event_class:
        raise MessageRejected(f"{event_class} is geen bekende gebeurtenis")
    return Received(event, notification_id, complete)
