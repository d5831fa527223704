"""One service as its own process: its store, its relay, its consumers and a loopback
control endpoint through which the gateway (or a test driver) sends it commands.

Every call into the application runs on one worker thread, so the relay, the consumers and
the command endpoint never touch the store at the same time from two threads.
"""

import asyncio
import contextlib
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import uvicorn
from faststream.kafka import KafkaBroker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from distributed import codec, topology
from distributed.consumer import Inbox, subscribe
from distributed.relay import Relay
from distributed.sealing import Keyring
from distributed.settings import DistributedSettings
from events import Actor, ContractViolation
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
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"wvp-{name}")
        self.keyring = Keyring.load(settings.public_keys, name, settings.private_key)
        self.broker = KafkaBroker(settings.bootstrap, log_level=logging.WARNING)
        self.app: ServiceApplication | None = None
        self.relay: Relay | None = None
        self.inbox: Inbox | None = None
        self.wake = asyncio.Event()
        self.connected = False

    async def run(self, fn: Any, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, functools.partial(fn, *args))

    async def serve(self) -> None:
        self.app = await self.run(self.cls, self.env)
        self.relay = Relay(self.app, self.keyring)
        self.inbox = Inbox(self.app, self.keyring, self.settings.simulated_clock)
        subscribe(self.broker, self.name, self._apply)
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
                sent = await self.relay.relay_once(self.run, self._publish)
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


def main(name: str, settings: DistributedSettings) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(ServiceProcess(name, settings).serve())
