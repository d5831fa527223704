"""The GraphQL gateway as a process of its own: reads from a local read model fed by Kafka,
commands checked against the policy here and then sent to the owning service.

The read model is one replica per service: a store that receives the leader's events verbatim
(same aggregate ids and versions), each with a tracking record of the leader's stream in the same
transaction, so Kafka's redeliveries apply once. Because the replicas are instances of the
services' own application classes, `history`, the decision's policy input (`policies.context`)
and the read model (`readmodel`: index, timeline, per-caller view) read them exactly as they
read the embedded runtime's stores. The decision log lives in this process's own store.
"""

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage
from starlette.types import ASGIApp, Receive, Scope, Send

from distributed import codec, topology
from distributed.client import NotSettled, RemotePlatform
from distributed.consumer import FETCH_WAIT_MS
from distributed.sealing import Keyring
from distributed.settings import DistributedSettings
from events import Actor
from policies.enforcement import Enforcement
from policies.platform import EnforcedPlatform
from readmodel.port import in_recorded_order
from services.catalog import SERVICES
from services.shared import clock
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult

log = logging.getLogger("wvp.gateway")

# How long a message may wait for its aggregate's previous version, which travels on the
# leader's other stream; then it is redelivered.
PREDECESSOR_WAIT = 30.0
# Header a simulation sends to run a request at a recorded time (only with WVP_SIMULATED_CLOCK).
CLOCK_HEADER = b"x-wvp-clock"


class DistributedPlatform(EnforcedPlatform):
    """The platform (`policies.platform.DossierPlatform`) over Kafka and the services' control
    endpoints. `settle_timeout` bounds the read-your-writes wait after a command."""

    def __init__(
        self,
        settings: DistributedSettings,
        env: dict[str, str] | None = None,
        settle_timeout: float = 10.0,
        policy: bool = True,
    ):
        self.settings = settings
        self.settle_timeout = settle_timeout
        self.replicas: dict[str, ServiceApplication] = {cls.name: cls(env) for cls in SERVICES}
        # The bedrijfsarts-side key opens every medical payload; without it the medical streams
        # are not read at all.
        self.keyring = Keyring.load(None, topology.BEDRIJFSARTS_ZIJDE, settings.private_key)
        self.streams = topology.STREAMS if settings.private_key else (topology.EVENTS,)
        self.mapper = codec.wire_mapper()
        self.remote = RemotePlatform(settings.urls(), settle=False)
        self.policy = Enforcement(self, env) if policy else None
        self.on_apply: Callable[[Any], None] | None = None  # sees each applied event (bench)
        self.brokers: list[KafkaBroker] = []
        self._applier = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wvp-readmodel")

    # What the gateway and the policy context read.

    @property
    def services(self) -> list[ServiceApplication]:
        return list(self.replicas.values())

    def history(self, dossier_id: str) -> list[tuple[str, Any]]:
        return in_recorded_order(
            (app.name, e) for app in self.services for e in app.history(dossier_id)
        )

    def record(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        """Let the owning service record (the policy was checked against this read model), then
        wait until the read model holds what was recorded and the reactions to it."""
        result = self.remote.execute(command, actor, dossier_id, fields)
        self.catch_up()
        return result

    # Read-your-writes.

    def positions(self) -> dict[str, int]:
        """The read model's tracking position per leader stream."""
        return {
            topology.tracking_name(leader, stream): app.recorder.max_tracking_id(
                topology.tracking_name(leader, stream)
            )
            or 0
            for leader, app in self.replicas.items()
            for stream in self.streams
        }

    def lagging(self, status: dict[str, dict[str, Any]]) -> list[str]:
        """The services' own lag (`RemotePlatform.lagging`) and the streams this read model has
        not applied as far as their leader published them."""
        mine = self.positions()
        behind = self.remote.lagging(status)
        for leader, s in status.items():
            for stream in self.streams:
                name = topology.tracking_name(leader, stream)
                if mine[name] < s["published"][stream]:
                    behind.append(f"{leader}->gateway ({stream})")
        return behind

    def catch_up(self, timeout: float | None = None) -> bool:
        """Wait until nothing is in flight anywhere and the read model has it all, twice in a
        row (as `RemotePlatform.settle`). Bounded: under a steady stream of other writers the
        answer may come before every reaction is visible; the command itself is recorded."""
        try:
            self.remote.settle(timeout or self.settle_timeout, lagging=self.lagging)
        except NotSettled:
            log.warning("leesmodel niet bijgewerkt binnen de wachttijd")
            return False
        return True

    # The consumers.

    def apply(self, leader: str, stream: str, body: bytes, headers: dict[str, Any]) -> bool | None:
        """Store one message in the leader's replica; False when it was there already, None
        when its aggregate's previous version has not arrived yet (it is on the other stream)."""
        received = codec.decode(leader, stream, body, headers, self.mapper, self.keyring)
        if not received.complete:
            raise codec.MessageRejected("medisch bericht niet voor de bedrijfsartszijde verzegeld")
        app, event = self.replicas[leader], received.event
        name = topology.tracking_name(leader, stream)
        if (app.recorder.max_tracking_id(name) or 0) >= received.notification_id:
            return False
        version = event.originator_version
        if len(self.streams) > 1 and version > 1:
            before = app.recorder.select_events(
                event.originator_id, gt=version - 2, lte=version - 1, limit=1
            )
            if not before:
                return None
        try:
            app.recorder.insert_events(
                [app.mapper.to_stored_event(event)],
                tracking=Tracking(name, received.notification_id),
            )
        except IntegrityError:
            return False  # another delivery of the same message won the race
        if self.on_apply is not None:
            self.on_apply(event)
        return True

    def _broker(self, leader: str, stream: str) -> KafkaBroker:
        """A consumer of one topic. One per topic, so a message waiting for its predecessor on
        the leader's other stream holds up no other topic; each its own broker, so the ten
        group joins (seconds each on Tansu) run side by side."""
        # Per-message logging at debug level: a read model sees every event of the platform.
        broker = KafkaBroker(self.settings.bootstrap, log_level=logging.DEBUG)

        async def handle(msg: KafkaMessage) -> None:
            loop = asyncio.get_running_loop()
            apply = functools.partial(self.apply, leader, stream, msg.body, dict(msg.headers))
            deadline = time.monotonic() + PREDECESSOR_WAIT
            while await loop.run_in_executor(self._applier, apply) is None:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{leader}.{stream}: voorganger niet ontvangen")
                await asyncio.sleep(0.01)

        handle.__name__ = f"gateway_{leader}_{stream}"
        broker.subscriber(
            topology.topic(leader, stream),
            group_id=f"{self.settings.gateway_group}.{leader}.{stream}",
            auto_offset_reset="earliest",
            fetch_max_wait_ms=FETCH_WAIT_MS,
            ack_policy=AckPolicy.NACK_ON_ERROR,
        )(handle)
        return broker

    async def start(self, retry_wait: float = 1.0) -> "DistributedPlatform":
        """Join the topics, however long the broker is away."""
        while True:
            self.brokers = [
                self._broker(leader, stream) for leader in self.replicas for stream in self.streams
            ]
            try:
                await asyncio.gather(*(broker.start() for broker in self.brokers))
                return self
            except Exception as e:  # the broker's client raises several kinds while it is away
                log.warning("broker onbereikbaar (%s); opnieuw over %ss", e, retry_wait)
                await asyncio.gather(*(broker.stop() for broker in self.brokers))
                await asyncio.sleep(retry_wait)

    async def stop(self) -> None:
        await asyncio.gather(*(broker.stop() for broker in self.brokers))
        self._applier.shutdown(wait=True)
        self.remote.close()
        if self.policy is not None:
            self.policy.close()
        for app in self.replicas.values():
            app.close()


def simulated_clock(app: ASGIApp) -> ASGIApp:
    """Run each request at the recorded time its `X-WVP-Clock` header names. For simulations
    that replay history through the API; the clock is process-wide, so requests must come one
    at a time. Never on in production."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        moment = dict(scope.get("headers") or ()).get(CLOCK_HEADER)
        if scope["type"] != "http" or moment is None:
            await app(scope, receive, send)
            return
        with clock.frozen_at(datetime.fromisoformat(moment.decode())):
            await app(scope, receive, send)

    return wrapped


async def serve(settings: DistributedSettings, host: str, port: int) -> None:
    import uvicorn

    from gateway.app import create_app
    from gateway.settings import GatewaySettings

    platform = await DistributedPlatform(settings).start()
    try:
        app = create_app(platform, GatewaySettings.from_env())
        asgi = simulated_clock(app) if settings.simulated_clock else app
        config = uvicorn.Config(asgi, host=host, port=port, log_level="warning")
        await uvicorn.Server(config).serve()
    finally:
        await platform.stop()


def main(settings: DistributedSettings, host: str, port: int) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(serve(settings, host, port))
