"""Consumers: a follower applies its leaders' events from Kafka, each exactly once in effect.

Every message is turned back into the leader's domain event and handed to the application's own
processing with a tracking record (the leader's stream and notification id). The library stores
that record in the same transaction as the reaction's new events and refuses a position it has
already passed, so whatever Kafka redelivers is applied once.
"""

import logging
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage

from distributed import codec, topology
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
        """Apply one message; False when it was applied before (a redelivery)."""
        received = codec.decode(leader, stream, body, headers, self.mapper, self.keyring)
        name = topology.tracking_name(leader, stream)
        if (self.app.recorder.max_tracking_id(name) or 0) >= received.notification_id:
            return False
        reaction = getattr(self.app, f"on_{type(received.event).__name__}", None)
        if reaction is not None and not received.complete:
            raise codec.MessageRejected(
                f"{self.app.name} reageert op {type(received.event).__name__} maar mag de "
                "inhoud niet openen: ontbrekende sleutel"
            )
        moment = clock.frozen_at(received.event.timestamp) if self.simulated_clock else None
        try:
            with moment or nullcontext():
                self.app.process_event(received.event, Tracking(name, received.notification_id))
        except IntegrityError:
            return False  # another delivery of the same message won the race
        return True

    def positions(self) -> dict[str, int]:
        return {
            topology.tracking_name(leader, stream): self.app.recorder.max_tracking_id(
                topology.tracking_name(leader, stream)
            )
            or 0
            for leader in topology.leaders(self.app.name)
            for stream in topology.STREAMS
        }


def subscribe(broker: KafkaBroker, follower: str, apply: Callable[..., Awaitable[Any]]) -> None:
    """One group subscriber (group = the follower's name) on every topic of every leader it
    follows. `apply` runs `Inbox.apply` on the service's worker thread. Offsets are committed
    after the event is applied; a failure is retried (nack)."""
    streams = {
        topology.topic(leader, stream): (leader, stream)
        for leader in topology.leaders(follower)
        for stream in topology.STREAMS
    }

    async def handle(msg: KafkaMessage) -> None:
        # The raw bytes: FastStream would otherwise parse a JSON body into a dict.
        leader, stream = streams[msg.raw_message.topic]
        await apply(leader, stream, msg.body, dict(msg.headers))

    handle.__name__ = f"{follower}_follows"
    broker.subscriber(
        *streams,
        group_id=follower,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=FETCH_WAIT_MS,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        title=f"{follower} volgt {', '.join(topology.leaders(follower))}",
    )(handle)
