"""Consumers: a follower applies its leaders' events from Kafka, each exactly once in effect.

Every message is turned back into the leader's domain event and handed to the application's own
processing with a tracking record (the leader's stream and notification id). The library stores
that record in the same transaction as the reaction's new events and refuses a position it has
already passed, so whatever Kafka redelivers is applied once.

A message that does not decode goes to the DLQ at once; one whose application keeps failing
(the store is away) after bounded retries (`distributed.dlq`). The follower then goes on without
that event: it stays in the leader's store and on its topic, and `wvp dlq replay` re-drives it.
A re-driven event names the follower it is meant for (`wvp_dlq_replayed_for`), as the others
applied it, and is tracked on its own (`<stream>:dlq:<notification id>`), as the stream's
position has passed it: so it too is applied once.
"""

import functools
import logging
from collections.abc import Awaitable, Callable
from contextlib import nullcontext, suppress
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage

from distributed import codec, dlq, topology
from distributed.sealing import Keyring
from services.shared import clock
from services.shared.application import ServiceApplication

log = logging.getLogger(__name__)
# How long a fetch waits on the broker for new messages: short, so reactions follow quickly.
FETCH_WAIT_MS = 20


class Inbox:
    def __init__(self, app: ServiceApplication, keyring: Keyring, simulated_clock: bool = False):
        self.app = app
        self.keyring = keyring
        self.mapper = codec.wire_mapper()
        # Simulations replay history with a frozen clock: a reaction is then recorded at its
        # cause's recorded time, as the embedded runner does.
        self.simulated_clock = simulated_clock

    def apply(self, leader: str, stream: str, body: bytes, headers: dict[str, Any]) -> bool:
        """Apply one message; False when it was applied before (a redelivery), or is a re-driven
        event meant for another follower. Raises `DeadLetter` for a message no retry helps."""
        received = self._decode(leader, stream, body, headers)
        tracking = self._tracking(leader, stream, received.notification_id, headers)
        if tracking is None:
            return False
        reacts = type(received.event).__name__ in self.app.reacts_to()
        if reacts and not received.complete:
            raise dlq.DeadLetter(
                dlq.ONLEESBAAR,
                f"{self.app.name} reageert op {type(received.event).__name__} maar mag de "
                "inhoud niet openen: ontbrekende sleutel",
            )
        moment = clock.frozen_at(received.event.timestamp) if self.simulated_clock else None
        try:
            with moment or nullcontext():
                self.app.process_event(received.event, tracking)
        except IntegrityError:
            return False  # another delivery of the same message won the race
        return True

    def _decode(
        self, leader: str, stream: str, body: bytes, headers: dict[str, Any]
    ) -> codec.Received:
        try:
            return codec.decode(leader, stream, body, headers, self.mapper, self.keyring)
        except Exception as e:  # decoding reads only the message and the keys: it fails again
            toelichting = dlq.describe(e, private=stream == topology.MEDISCH)
            raise dlq.DeadLetter(dlq.ONLEESBAAR, toelichting) from e

    def _tracking(
        self, leader: str, stream: str, notification_id: int, headers: dict[str, Any]
    ) -> Tracking | None:
        """The tracking record to store with the reaction; None when there is nothing to do."""
        name = topology.tracking_name(leader, stream)
        replayed_for = headers.get(dlq.REPLAYED_FOR)
        if replayed_for is None:
            if (self.app.recorder.max_tracking_id(name) or 0) >= notification_id:
                return None
            return Tracking(name, notification_id)
        if replayed_for != self.app.name:
            return None
        replayed = f"{name}:dlq:{notification_id}"
        if self.app.recorder.has_tracking_id(replayed, 1):
            return None
        log.warning(
            "%s past %s %d opnieuw toe, uit %s", self.app.name, name, notification_id, dlq.TOPIC
        )
        return Tracking(replayed, 1)

    def skip(self, leader: str, stream: str, body: bytes, headers: dict[str, Any]) -> None:
        """Mark a fact that went to the DLQ as passed, so the follower is not reported behind
        its leader (`/status`, `settle()`) until its next fact. Not for a message that does not
        decode (its notification id is not to be trusted), nor for a replay (it was passed)."""
        if dlq.REPLAYED_FOR in headers:
            return
        try:
            received = codec.decode(leader, stream, body, headers, self.mapper, self.keyring)
        except Exception:  # it went to the DLQ for this
            return
        name = topology.tracking_name(leader, stream)
        with suppress(IntegrityError):  # the position is past it already (a redelivery)
            self.app.recorder.insert_tracking(Tracking(name, received.notification_id))

    def positions(self) -> dict[str, int]:
        return {
            topology.tracking_name(leader, stream): self.app.recorder.max_tracking_id(
                topology.tracking_name(leader, stream)
            )
            or 0
            for leader in topology.leaders(self.app.name)
            for stream in topology.STREAMS
        }


def subscribe(
    broker: KafkaBroker,
    follower: str,
    apply: Callable[..., Awaitable[Any]],
    skip: Callable[..., Awaitable[Any]],
    retries: dlq.Retries,
) -> None:
    """One group subscriber (group = the follower's name) on every topic of every leader it
    follows. `apply` and `skip` run `Inbox.apply` and `Inbox.skip` on the service's worker
    thread. Offsets are committed after the event is applied, or after it went to the DLQ (at
    once when it does not decode, else after `retries`); only a failure to reach the DLQ is
    retried without bound (nack)."""
    streams = {
        topology.topic(leader, stream): (leader, stream)
        for leader in topology.leaders(follower)
        for stream in topology.STREAMS
    }

    async def handle(msg: KafkaMessage) -> None:
        # The raw bytes: FastStream would otherwise parse a JSON body into a dict.
        leader, stream = streams[msg.raw_message.topic]
        message = (leader, stream, msg.body, dict(msg.headers))
        applying, skipping = functools.partial(apply, *message), functools.partial(skip, *message)
        private = stream == topology.MEDISCH
        await dlq.guarded(broker, follower, msg, applying, retries, private, skipping)

    handle.__name__ = f"{follower}_follows"
    broker.subscriber(
        *streams,
        group_id=follower,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=FETCH_WAIT_MS,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        parser=dlq.lenient_headers,
        title=f"{follower} volgt {', '.join(topology.leaders(follower))}",
    )(handle)
