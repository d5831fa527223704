"""Hash chain over the events of one aggregate (one service's part of a dossier).

Each event stores the hash of its predecessor and its own hash over its whole content, so an
edited, removed or reordered stored event breaks the chain at a position that can be named.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

GENESIS = "0" * 64

# The fields an event's own hash covers, besides its type, aggregate id, version and recorded time.
CHAINED_FIELDS = (
    "dossier_id",
    "schema_version",
    "classificatie",
    "actor",
    "geldig_op",
    "causation_id",
    "correlation_id",
    "prev_hash",
    "data",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"cannot hash {type(value).__name__}")


def event_hash(
    event_type: str,
    originator_id: UUID,
    originator_version: int,
    timestamp: datetime,
    fields: Mapping[str, Any],
) -> str:
    body = {name: fields[name] for name in CHAINED_FIELDS}
    body.update(
        type=event_type,
        originator_id=str(originator_id),
        originator_version=originator_version,
        timestamp=timestamp.isoformat(),
    )
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=_plain)
    return hashlib.sha256(canonical.encode()).hexdigest()


def hash_of(event: Any) -> str:
    """Recompute the hash of a stored event from its content."""
    return event_hash(
        type(event).__name__,
        event.originator_id,
        event.originator_version,
        event.timestamp,
        {name: getattr(event, name) for name in CHAINED_FIELDS},
    )


@dataclass(frozen=True)
class Breach:
    """The first place where a chain does not hold."""

    position: int  # the aggregate version of the offending event
    event_type: str
    reason: str


def first_breach(events: Iterable[Any]) -> Breach | None:
    expected_prev = GENESIS
    expected_version = 1
    for event in events:
        name = type(event).__name__
        if event.originator_version != expected_version:
            return Breach(expected_version, name, "an event is missing before this position")
        if event.prev_hash != expected_prev:
            return Breach(event.originator_version, name, "predecessor hash does not match")
        if hash_of(event) != event.hash:
            return Breach(event.originator_version, name, "content does not match its hash")
        expected_prev = event.hash
        expected_version += 1
    return None
