"""The relay: a service's notification log, published to Kafka in order.

It reads the log after the last published position, publishes each event (key = dossier id, so
one dossier's facts stay in order on one partition) and then records the new position in the
service's own store as a tracking record. A crash between publishing and recording means the
tail is published again on restart; consumers' tracking makes that harmless.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from eventsourcing.persistence import Tracking

from distributed import codec, topology
from distributed.sealing import Keyring
from services.shared.application import ServiceApplication

POSITION = "kafka-relay"  # tracking name of the relay's position in the service's own store

Publish = Callable[[codec.Message], Awaitable[Any]]


class LogRelay:
    """Publishes what `pending` makes of the service's log after the position recorded under
    `position_name`, then records the new position: at least once."""

    position_name: str

    def __init__(self, app: ServiceApplication, batch: int = 200):
        self.app = app
        self.batch = batch

    # Called on the service's worker thread: they touch the store.

    def position(self) -> int:
        return self.app.recorder.max_tracking_id(self.position_name) or 0

    def pending(self) -> list[codec.Message]:
        raise NotImplementedError

    def mark(self, messages: list[codec.Message]) -> None:
        self.app.recorder.insert_tracking(
            Tracking(self.position_name, messages[-1].notification_id)
        )

    # On the event loop.

    async def relay_once(self, run: Callable[..., Awaitable[Any]], publish: Publish) -> int:
        """Publish one batch; returns how many events went out."""
        messages = await run(self.pending)
        for message in messages:
            await publish(message)
        if messages:
            await run(self.mark, messages)
        return len(messages)


class Relay(LogRelay):
    """Every fact of the service, to its topics."""

    position_name = POSITION

    def __init__(self, app: ServiceApplication, keyring: Keyring, batch: int = 200):
        super().__init__(app, batch)
        self.keyring = keyring
        self.mapper = codec.wire_mapper()
        self._streams: dict[str, int] | None = None

    def pending(self) -> list[codec.Message]:
        notifications = self.app.recorder.select_notifications(
            self.position(), self.batch, inclusive_of_start=False
        )
        return [
            codec.encode(
                self.app.name, n.id, self.app.mapper.to_domain_event(n), self.mapper, self.keyring
            )
            for n in notifications
        ]

    def mark(self, messages: list[codec.Message]) -> None:
        super().mark(messages)
        streams = self.published_per_stream()
        for message in messages:
            streams[message.stream] = message.notification_id

    def published_per_stream(self) -> dict[str, int]:
        """The last published notification id of each stream: what a follower must have
        tracked to be caught up. Read back from the log once, then kept as the relay goes."""
        if self._streams is None:
            streams = dict.fromkeys(topology.STREAMS, 0)
            start, stop = 0, self.position()
            while start < stop:
                page = self.app.recorder.select_notifications(
                    start, 500, stop=stop, inclusive_of_start=False
                )
                for n in page:
                    event = self.app.mapper.to_domain_event(n)
                    medisch = event.classificatie == "medisch"
                    streams[topology.MEDISCH if medisch else topology.EVENTS] = n.id
                start = page[-1].id if page else stop
            self._streams = streams
        return self._streams
