"""One service as its own process: its store, its relay, its consumers and a loopback
control endpoint through which the gateway (or a test driver) sends it commands; for werkgever
and uwv_submission also their Kafka integrations (`distributed.integrations`).

Every call into the application runs on one worker thread, so the relay, the consumers and
the command endpoint never touch the store at the same time from two threads.
"""

import asyncio
import contextlib
import functools
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import uvicorn
from faststream.kafka import KafkaBroker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from distributed import codec, dlq, topology
from distributed.consumer import Inbox, subscribe
from distributed.integrations import inbound, outbound
from distributed.relay import Relay
from distributed.sealing import Keyring
from distributed.settings import DistributedSettings
from events import Actor, ContractViolation
from gateway.auth import TokenVerifier
from gateway.settings import GatewaySettings
from policies.engine import EmbeddedEngine
from services.shared import clock
from services.shared.application import ServiceApplication
from services.shared.errors import CommandRejected, DossierNotFound, UnknownCommand

log = logging.getLogger("wvp.service")

IDLE_WAIT = 0.2  # seconds the relay sleeps when nothing is new and nobody woke it
RETRY_WAIT = 1.0  # seconds between attempts while the broker is unreachable


def _status_of(error: CommandRejected) -> int:
    if isinstance(error, ContractViolation):
        return 422
    if isinstance(error, DossierNotFound | UnknownCommand):
        return 404
    return 409


class ServiceProcess:
    def __init__(self, name: str, settings: DistributedSettings, env: dict[str, str] | None = None):
        self.cls: type[ServiceApplication] = topology.service_class(name)
        self.name = name
        self.settings = settings
        self.env = env
        self.environ = {**os.environ, **(env or {})}
        self.retries = dlq.Retries.from_env(self.environ)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"wvp-{name}")
        self.keyring = Keyring.load(settings.public_keys, name, settings.private_key)
        self.broker = KafkaBroker(settings.bootstrap, log_level=logging.WARNING)
        self.app: ServiceApplication | None = None
        self.relay: Relay | None = None
        self.inbox: Inbox | None = None
        self.inbound: dict[str, inbound.Inbound] = {}
        self.outbound: list[outbound.VerzekeraarRelay] = []
        self.wake = asyncio.Event()
        self.connected = False

    async def run(self, fn: Any, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, functools.partial(fn, *args))

    async def serve(self) -> None:
        self.app = await self.run(self.cls, self.env)
        self.relay = Relay(self.app, self.keyring)
        self.inbox = Inbox(self.app, self.keyring, self.settings.simulated_clock)
        self._integrations()
        declare(self.broker, self.name, self._apply, self._apply_inbound, self._skip, self.retries)
        config = uvicorn.Config(
            self.http(),
            host=self.settings.host,
            port=self.settings.ports[self.name],
            log_level="warning",
            lifespan="off",
        )
        server = uvicorn.Server(config)
        tasks = [asyncio.create_task(server.serve()), asyncio.create_task(self._relay_loop())]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await self.broker.stop()
            await self.run(self.app.close)
            self.worker.shutdown(wait=True)

    async def _apply(self, *args: Any) -> bool:
        applied = await self.run(self.inbox.apply, *args)
        if applied:
            self.wake.set()  # a reaction may have recorded new facts to relay
        return applied

    async def _skip(self, *args: Any) -> None:
        await self.run(self.inbox.skip, *args)

    def _integrations(self) -> None:
        """Inbound channels need the gateway's token verification and the policy; configured
        like the gateway (WVP_JWT_SECRET, or WVP_JWT_PUBLIC_KEYS / WVP_JWKS_FILE in production)."""
        kanalen = inbound.kanalen(self.name)
        if kanalen:
            verifier = TokenVerifier(GatewaySettings.from_env(self.environ))
            policy = EmbeddedEngine()
            self.inbound = {
                k.topic: inbound.Inbound(self.app, k, verifier, policy) for k in kanalen
            }
        if self.name == outbound.SERVICE:
            self.outbound = [outbound.VerzekeraarRelay(self.app)]

    async def _apply_inbound(self, topic: str, body: bytes, headers: dict[str, str]) -> bool:
        applied = await self.run(self.inbound[topic].apply, body, headers)
        if applied:
            self.wake.set()
        return applied

    async def _connect(self) -> None:
        """Start the producer and the group subscribers, however long the broker is away.
        Commands are served meanwhile: the store, not the broker, is the source of truth."""
        while not self.connected:
            try:
                await self.broker.start()
                self.connected = True
            except Exception as e:  # the broker's client raises several kinds while it is away
                log.warning("broker onbereikbaar (%s); opnieuw over %ss", e, RETRY_WAIT)
                await self.broker.stop()
                await asyncio.sleep(RETRY_WAIT)

    async def _publish(self, message: codec.Message) -> None:
        # One partition per stream: single-row tracking needs the leader's order per stream.
        await self.broker.publish(
            message.body, message.topic, key=message.key, partition=0, headers=message.headers
        )

    async def _relay_loop(self) -> None:
        await self._connect()
        while True:
            self.wake.clear()  # before reading the log, so no wake-up during a batch is lost
            try:
                sent = 0
                for relay in (self.relay, *self.outbound):
                    sent += await relay.relay_once(self.run, self._publish)
            except Exception as e:
                log.warning("relay: %s; opnieuw over %ss", e, RETRY_WAIT)
                await asyncio.sleep(RETRY_WAIT)
                continue
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), IDLE_WAIT)

    # The loopback control endpoint.

    def http(self) -> Starlette:
        async def command(request: Request) -> JSONResponse:
            body = await request.json()
            try:
                result = await self.run(self._execute, body)
            except (CommandRejected, ContractViolation) as e:
                code = getattr(e, "code", "REJECTED")
                return JSONResponse({"code": code, "message": str(e)}, _status_of(e))
            self.wake.set()
            return JSONResponse(result)

        async def status(_: Request) -> JSONResponse:
            return JSONResponse(await self.run(self._status))

        async def history(request: Request) -> JSONResponse:
            return JSONResponse(await self.run(self._history, request.path_params["dossier_id"]))

        return Starlette(
            routes=[
                Route("/commands", command, methods=["POST"]),
                Route("/status", status),
                Route("/history/{dossier_id}", history),
            ]
        )

    def _execute(self, body: dict[str, Any]) -> dict[str, Any]:
        actor = Actor.model_validate(body["actor"])
        recorded_at = body.get("recorded_at")
        if recorded_at and self.settings.simulated_clock:
            with clock.frozen_at(datetime.fromisoformat(recorded_at)):
                result = self.app.execute(
                    body["command"], actor, body.get("dossier_id"), body["fields"]
                )
        else:
            result = self.app.execute(
                body["command"], actor, body.get("dossier_id"), body["fields"]
            )
        return {"dossier_id": result.dossier_id, "events": [_stored(e) for e in result.events]}

    def _status(self) -> dict[str, Any]:
        return {
            "service": self.name,
            "connected": self.connected,
            "notification_id": self.app.recorder.max_notification_id() or 0,
            "relayed": self.relay.position(),
            "published": dict(self.relay.published_per_stream()),
            "tracking": self.inbox.positions(),
        }

    def _history(self, dossier_id: str) -> list[dict[str, Any]]:
        return [_stored(e) for e in self.app.history(dossier_id)]


_WIRE = codec.wire_mapper()


def _stored(event: Any) -> dict[str, Any]:
    """An event as the library stores it (class topic and JSON state), for remote readers."""
    stored = _WIRE.to_stored_event(event)
    return {
        "originator_id": str(stored.originator_id),
        "originator_version": stored.originator_version,
        "topic": stored.topic,
        "state": stored.state.decode(),
    }


def declare(
    broker: KafkaBroker,
    name: str,
    apply: Any,
    apply_inbound: Any,
    skip: Any,
    retries: dlq.Retries,
) -> None:
    """Everything service `name` consumes and publishes, declared on its broker: the process
    runs on these declarations and the AsyncAPI document (`distributed.asyncapi`) is generated
    from them. The relays publish by topic; their publishers here name and describe the topics."""
    subscribe(broker, name, apply, skip, retries)
    for stream in topology.STREAMS:
        broker.publisher(
            topology.topic(name, stream),
            title=topology.topic(name, stream),
            description=STREAM_DESCRIPTIONS[stream].format(service=name),
        )
    for kanaal in inbound.kanalen(name):
        inbound.subscribe(broker, kanaal, functools.partial(apply_inbound, kanaal.topic), retries)
    if topology.leaders(name) or inbound.kanalen(name):
        dlq.declare(broker, name)
    if name == outbound.SERVICE:
        outbound.declare(broker)


STREAM_DESCRIPTIONS = {
    topology.EVENTS: (
        "De feiten van {service}, CloudEvents 1.0 binair (ce_*-kopregels); de inhoud is de "
        "toestand van het feit zoals de bibliotheek die opslaat. Sleutel = dossier_id."
    ),
    topology.MEDISCH: (
        "De medische feiten van {service}: de inhoud is versleuteld (AES-256-GCM, sleutel per "
        "ontvanger met RSA-OAEP ingepakt); wie niet mag openen ziet alleen de envelop."
    ),
}


def main(name: str, settings: DistributedSettings) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(ServiceProcess(name, settings).serve())
