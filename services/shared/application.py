"""Base of the five service applications."""

import functools
import os
from collections.abc import Callable, Sequence
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, ProcessingEvent
from eventsourcing.persistence import (
    JSONTranscoder,
    Notification,
    Recording,
    StoredEvent,
    Tracking,
)
from eventsourcing.system import ProcessApplication

from events import Actor, Contract, Rol
from events.gedeeld import DossierGeopend
from events.werkgever import ZiekmeldingGeregistreerd
from services.shared import clock
from services.shared.aggregate import (
    ChainedAggregate,
    aggregate_id,
    dispatched,
    fact_dispatch,
    registered,
)
from services.shared.commands import CommandResult, CommandSpec, collect_commands, validate
from services.shared.config import Settings
from services.shared.errors import DomainRuleViolated, DossierNotFound, UnknownCommand
from services.shared.transcodings import DateAsISO


def event_id(event: Any) -> str:
    """A stable id for a stored event: its aggregate and position."""
    return f"{event.originator_id}/{event.originator_version}"


# The library's LRU cache of aggregates: a command or reaction on a cached dossier reads only the
# facts recorded since (by any process), instead of reading and decrypting its whole history.
AGGREGATE_CACHE = {"AGGREGATE_CACHE_MAXSIZE": "5000"}


def reaction_topics(service: type) -> tuple[str, ...]:
    """The topics of every fact class that `service` reacts to."""
    names = service.reacts_to()
    topics, todo = set(), [ChainedAggregate.Feit]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__name__ in names:
            # The library copies event classes into aggregate subclasses, so several classes
            # share one topic; name it as `get_topic` would, without registering each copy.
            topics.add(f"{cls.__module__}:{cls.__qualname__}")
    return tuple(sorted(topics))


class NotificationLog:
    """An application's notification log, read only (mixed into an eventsourcing Application):
    the part of `readmodel.port.ServiceLog` that any recorded log has."""

    def position(self) -> int:
        """The id of the newest notification in the log (0 when it is empty)."""
        return self.recorder.max_notification_id() or 0

    def stored_notifications(
        self,
        after: int,
        limit: int,
        topics: Sequence[str] = (),
        stop: int | None = None,
    ) -> list[Notification]:
        """Up to `limit` stored facts past notification `after` (up to `stop`), of `topics`
        only when given, still encoded: a reader decodes only those it needs."""
        return self.recorder.select_notifications(
            after, limit, stop=stop, topics=topics, inclusive_of_start=False
        )

    def decode(self, stored: StoredEvent) -> Any:
        return self.mapper.to_domain_event(stored)


class ServiceApplication(NotificationLog, ProcessApplication):
    """One WVP service: its own store, its commands, and reactions to other services' events.

    Reactions are methods registered on `react` for the contract class of the fact they react to
    (`fact_dispatch`); they record facts through the processing event so the new facts and the
    tracking position are stored in one transaction.
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
        self.terugdateren_zonder_reden = settings.terugdateren_zonder_reden_dagen
        store = settings.store_env(self.name)
        ciphers = settings.cipher_env(self._encrypted_services)
        super().__init__(env={**AGGREGATE_CACHE, **store, **ciphers, **(env or {})})
        self.reaction_topics = frozenset(reaction_topics(type(self)))
        self._pulled: dict[str, int] = {}  # per leader: the last notification looked at
        self._command_tracking: Tracking | None = None

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

    # The read side (`readmodel.port.ServiceLog`): all that readers outside the service use.

    def history(self, dossier_id: str) -> list[ChainedAggregate.Feit]:
        """Every stored fact of this service's part of the dossier, in recorded order."""
        return self.dossier_events(dossier_id)

    def dossier_events(
        self, dossier_id: str, after_version: int | None = None
    ) -> list[ChainedAggregate.Feit]:
        """The facts of this service's part of the dossier past `after_version`, in order."""
        return list(self.events.get(self.dossier_key(dossier_id), gt=after_version))

    def stored_dossier_events(self, dossier_id: str) -> list[StoredEvent]:
        """The stored, still encoded facts of this service's part of the dossier."""
        return self.recorder.select_events(self.dossier_key(dossier_id))

    def execute(
        self, name: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        """Validate raw input for command `name` and run it."""
        try:
            spec = self.commands[name]
        except KeyError:
            raise UnknownCommand(f"{self.name} kent geen commando {name!r}") from None
        invoer = validate(spec, fields)
        self._vereis_reden_voor_terugdatering(name, invoer)
        method = getattr(self, spec.method)
        if spec.dossier == "none":
            return method(actor, invoer)
        if spec.dossier == "new":
            return method(actor, invoer, dossier_id)
        if not dossier_id:
            raise DossierNotFound(f"{name} heeft een dossier nodig")
        return method(actor, dossier_id, invoer)

    def _vereis_reden_voor_terugdatering(self, name: str, invoer: Any) -> None:
        """A fact recorded long after its date carries why (reactions and corrections need none:
        the first copy a fact that was accepted, the second name the day they correct)."""
        grens = self.terugdateren_zonder_reden
        if not grens or getattr(invoer, "terugwerkend", False):
            return
        if invoer.reden_terugdatering:
            return
        vandaag = clock.today()
        if (vandaag - invoer.geldig_op).days > grens:
            raise DomainRuleViolated(
                f"{name}: geldig op {invoer.geldig_op} ligt {(vandaag - invoer.geldig_op).days} "
                f"dagen voor de dag van vastleggen {vandaag}; wie meer dan {grens} dagen "
                "terugdateert, geeft een reden_terugdatering"
            )

    def execute_once(
        self,
        tracking: Tracking,
        name: str,
        actor: Actor,
        dossier_id: str | None,
        fields: dict[str, Any],
    ) -> CommandResult:
        """`execute`, storing `tracking` (an inbound message's id) in the same transaction as the
        command's facts, so the store refuses a redelivery with IntegrityError. Callers run all
        of a service's store access on one thread, as the service processes do."""
        self._command_tracking = tracking
        try:
            return self.execute(name, actor, dossier_id, fields)
        finally:
            self._command_tracking = None

    def _record(self, processing_event: ProcessingEvent) -> list[Recording]:
        if self._command_tracking is not None:
            processing_event.tracking = self._command_tracking
        return super()._record(processing_event)

    def commit(self, dossier_id: str | None, *aggregates: ChainedAggregate) -> CommandResult:
        recordings = self.save(*aggregates)
        return CommandResult(dossier_id, [r.domain_event for r in recordings])

    def record_on(self, actor: Actor, dossier_id: str, contract: Contract) -> CommandResult:
        """The common command: one more fact on this service's part of an existing dossier."""
        return door("record")(self, actor, dossier_id, contract)

    def record_reaction(
        self, event: Any, processing_event: ProcessingEvent, contract: Contract
    ) -> None:
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

    def open_dossier(
        self, melding: ZiekmeldingGeregistreerd, ziekmelding: Any, processing_event: ProcessingEvent
    ) -> None:
        """Open this service's part of a dossier when the werkgever registers a ziekmelding; a
        service registers it as its reaction to `ZiekmeldingGeregistreerd`."""
        key = self.dossier_key(ziekmelding.dossier_id)
        if self.exists(key):
            return
        opening = DossierGeopend(
            geldig_op=melding.geldig_op,
            werknemer_id=melding.werknemer_id,
            werkgever_id=melding.werkgever_id,
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

    def pull_and_process(
        self, leader_name: str, start: int | None = None, stop: int | None = None
    ) -> None:
        """Process the leader's new facts that this service reacts to, and skip the rest.

        The library would decode (decrypt) every fact and commit a tracking record for each,
        also for the many facts without a reaction. Skipped facts change nothing, so the
        position past them is kept in memory only; after a restart they are looked at again.
        The library's topic filter is not used: with it the pull starts at the last *tracked*
        fact, so a leader whose facts this service never reacts to would be scanned whole on
        every pull.
        """
        if start is None:
            tracked = self.recorder.max_tracking_id(leader_name) or 0
            start = max(tracked, self._pulled.get(leader_name, 0))
        for notifications in self.pull_notifications(
            leader_name, start=start, stop=stop, inclusive_of_start=False
        ):
            relevant = [n for n in notifications if n.topic in self.reaction_topics]
            for domain_event, tracking in self.convert_notifications(leader_name, relevant):
                self.process_event(domain_event, tracking)
            self._pulled[leader_name] = notifications[-1].id

    react = fact_dispatch()

    @classmethod
    def reacts_to(cls) -> frozenset[str]:
        """Names of the facts `policy` reacts to: those with a method registered on `react`."""
        return _reacts_to(cls)

    def policy(self, domain_event: Any, processing_event: ProcessingEvent) -> None:
        reaction = dispatched(type(self), "react", domain_event.contract)
        if reaction is not None:
            reaction(self, domain_event.payload, domain_event, processing_event)


@functools.cache  # reactions are registered in the class body: fixed once the class exists
def _reacts_to(cls: type) -> frozenset[str]:
    return frozenset(contract.__name__ for contract in registered(cls, "react"))


def door(method: str) -> Callable[..., CommandResult]:
    """A command handler that loads the dossier's aggregate, lets its method `method` check the
    rules and record `contract`, and commits: the shape of every command on a dossier."""

    def handle(
        app: ServiceApplication, actor: Actor, dossier_id: str, contract: Contract
    ) -> CommandResult:
        dossier = app.load(app.dossier_key(dossier_id), f"dossier {dossier_id}")
        getattr(dossier, method)(contract, actor)
        return app.commit(dossier_id, dossier)

    return handle
