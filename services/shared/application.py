"""Base of the five service applications."""

import os
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, ProcessingEvent
from eventsourcing.persistence import JSONTranscoder
from eventsourcing.system import ProcessApplication

from events import Actor, Contract, Rol
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, aggregate_id
from services.shared.commands import CommandResult, CommandSpec, collect_commands, validate
from services.shared.config import Settings
from services.shared.errors import DossierNotFound, UnknownCommand
from services.shared.transcodings import DateAsISO


def event_id(event: Any) -> str:
    """A stable id for a stored event: its aggregate and position."""
    return f"{event.originator_id}/{event.originator_version}"


class ServiceApplication(ProcessApplication):
    """One WVP service: its own store, its commands, and reactions to other services' events.

    Reactions are methods named `on_<EventType>`; they record facts through the processing event
    so the new facts and the tracking position are stored in one transaction.
    """

    name: ClassVar[str]
    encrypted: ClassVar[bool] = False  # services holding medical data encrypt every stored event
    commands: ClassVar[dict[str, CommandSpec]] = {}
    dossier_class: ClassVar[type[ChainedAggregate]]

    _encrypted_services: ClassVar[dict[str, bool]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.commands = collect_commands(cls)
        ServiceApplication._encrypted_services[cls.name] = cls.encrypted

    def __init__(self, env: dict[str, str] | None = None):
        settings = Settings.from_env({**os.environ, **(env or {})})
        store = settings.store_env(self.name)
        ciphers = settings.cipher_env(self._encrypted_services)
        super().__init__(env={**store, **ciphers, **(env or {})})

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    @property
    def system_actor(self) -> Actor:
        return Actor(rol=Rol.SYSTEEM, persoon_id=f"beleid.{self.name}", organisatie="platform")

    def dossier_key(self, dossier_id: str) -> UUID:
        return aggregate_id(self.name, dossier_id)

    def load(self, key: UUID, what: str) -> ChainedAggregate:
        try:
            return self.repository.get(key)
        except AggregateNotFoundError:
            raise DossierNotFound(f"{what} bestaat niet") from None

    def exists(self, key: UUID) -> bool:
        return key in self.repository

    def history(self, dossier_id: str) -> list[ChainedAggregate.Feit]:
        """Every stored fact of this service's part of the dossier, in recorded order."""
        return list(self.events.get(self.dossier_key(dossier_id)))

    def execute(
        self, name: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        """Validate raw input for command `name` and run it."""
        try:
            spec = self.commands[name]
        except KeyError:
            raise UnknownCommand(f"{self.name} kent geen commando {name!r}") from None
        invoer = validate(spec, fields)
        method = getattr(self, spec.method)
        if spec.dossier == "none":
            return method(actor, invoer)
        if spec.dossier == "new":
            return method(actor, invoer, dossier_id)
        if not dossier_id:
            raise DossierNotFound(f"{name} heeft een dossier nodig")
        return method(actor, dossier_id, invoer)

    def commit(self, dossier_id: str | None, *aggregates: ChainedAggregate) -> CommandResult:
        recordings = self.save(*aggregates)
        return CommandResult(dossier_id, [r.domain_event for r in recordings])

    def record_on(self, actor: Actor, dossier_id: str, contract: Contract) -> CommandResult:
        """The common command: one more fact on this service's part of an existing dossier."""
        dossier = self.load(self.dossier_key(dossier_id), f"dossier {dossier_id}")
        dossier.record(contract, actor)
        return self.commit(dossier_id, dossier)

    def react(self, event: Any, processing_event: ProcessingEvent, contract: Contract) -> None:
        """Record `contract` on this service's part of the event's dossier, if it has one."""
        key = self.dossier_key(event.dossier_id)
        if not self.exists(key):
            return
        dossier = self.repository.get(key)
        dossier.record(
            contract,
            self.system_actor,
            causation_id=event_id(event),
            correlation_id=event.correlation_id,
        )
        processing_event.collect_events(dossier)

    def open_dossier(self, ziekmelding: Any, processing_event: ProcessingEvent) -> None:
        """Open this service's part of a dossier when the werkgever registers a ziekmelding."""
        key = self.dossier_key(ziekmelding.dossier_id)
        if self.exists(key):
            return
        opening = DossierGeopend(
            geldig_op=ziekmelding.geldig_op,
            werknemer_id=ziekmelding.data["werknemer_id"],
            werkgever_id=ziekmelding.data["werkgever_id"],
        )
        dossier = self.dossier_class.open(
            key,
            ziekmelding.dossier_id,
            opening,
            self.system_actor,
            causation_id=event_id(ziekmelding),
            correlation_id=ziekmelding.correlation_id,
        )
        processing_event.collect_events(dossier)

    def policy(self, domain_event: Any, processing_event: ProcessingEvent) -> None:
        reaction = getattr(self, f"on_{type(domain_event).__name__}", None)
        if reaction is not None:
            reaction(domain_event, processing_event)
