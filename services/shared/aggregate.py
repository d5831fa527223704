"""Aggregate base whose events carry the WVP envelope and form a hash chain."""

import inspect
from datetime import date
from functools import singledispatchmethod
from typing import Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from events import Actor, Contract
from services.shared import chain, clock
from services.shared.errors import DomainRuleViolated

_NAMESPACE = uuid5(NAMESPACE_URL, "https://wvp.example/dossier")


def aggregate_id(service: str, key: str) -> UUID:
    """Each service keeps its part of dossier `key` in one aggregate with a derivable id."""
    return uuid5(_NAMESPACE, f"{service}/{key}")


def _ignore(self: Any, payload: Any, *rest: Any) -> None:
    """The default of a fact dispatch: a fact without a method of its own changes nothing."""


def fact_dispatch() -> singledispatchmethod:
    """A method that dispatches on the type of a fact's payload (its contract class), for an
    aggregate's `evolve` and a service's `react`; facts without a registered method are ignored.
    Each class that registers methods makes its own, so registrations never leak between them."""
    return singledispatchmethod(_ignore)


def dispatched(owner: type, name: str, contract: type) -> Any | None:
    """The method `owner.<name>` registered for `contract`, or None: known from the class alone,
    so a fact nobody dispatches on is never turned into its payload."""
    method = inspect.getattr_static(owner, name).dispatcher.dispatch(contract)
    return None if method is _ignore else method


def registered(owner: type, name: str) -> set[type]:
    """The contract classes `owner.<name>` has a method for."""
    return {t for t in inspect.getattr_static(owner, name).dispatcher.registry if t is not object}


class ChainedAggregate(Aggregate):
    """An aggregate whose every event is a `Feit` validated by a contract from `events/`.

    A subclass names the contracts of the facts it records, and the one that opens it:
    `class Dossier(ChainedAggregate, opening=c.DossierGeopend, facts=(c.X, c.Y))`. Its event
    classes are made from those (so each fact is declared once, as its contract); a fact not
    named cannot be recorded on it. State changes are methods registered on `evolve` for the
    payload's contract class (`fact_dispatch`); most facts only add to history.
    """

    # contract class -> event class. Not annotated: the library would make every aggregate a
    # dataclass, whose generated __init__ would replace this class's.
    _feiten = {}

    def __init_subclass__(
        cls, *, opening: type[Contract] | None = None, facts: tuple[type[Contract], ...] = ()
    ) -> None:
        declared = [(opening, ChainedAggregate.Opening)] if opening else []
        declared += [(contract, ChainedAggregate.Feit) for contract in facts]
        # Set before the library's own subclass hook, which takes the event classes it finds.
        for contract, base in declared:
            name = contract.__name__
            namespace = {
                "__module__": cls.__module__,
                "__qualname__": f"{cls.__qualname__}.{name}",
                "contract": contract,
            }
            setattr(cls, name, type(name, (base,), namespace))
        super().__init_subclass__()
        cls._feiten = {contract: getattr(cls, contract.__name__) for contract, _ in declared}

    class Feit(Aggregate.Event):
        dossier_id: str | None
        schema_version: int
        classificatie: str
        actor: dict[str, Any]
        geldig_op: date
        causation_id: str | None
        correlation_id: str
        prev_hash: str
        hash: str
        data: dict[str, Any]

        contract: ClassVar[type[Contract]]

        @property
        def payload(self) -> Any:
            """The payload as its contract (typed fields, valid time included). Validated on
            each access: bind it to a name rather than asking twice."""
            return self.contract.model_validate({**self.data, "geldig_op": self.geldig_op})

        def apply(self, aggregate: "ChainedAggregate") -> None:
            aggregate.chain_head = self.hash
            evolve = dispatched(type(aggregate), "evolve", self.contract)
            if evolve is not None:
                evolve(aggregate, self.payload, self)

    class Opening(Feit, Aggregate.Created):
        """Base of the fact that creates an aggregate."""

    def __init__(self, dossier_id: str | None) -> None:
        # The library passes the opening event's fields that this signature names.
        self.dossier_id = dossier_id  # None for aggregates outside any dossier (a delegation)
        self.chain_head = chain.GENESIS
        self.init_state()

    def init_state(self) -> None:
        """Subclasses set their initial state here, before the opening fact is applied."""

    evolve = fact_dispatch()

    @classmethod
    def _envelope(
        cls,
        event_class: type,
        originator_id: UUID,
        version: int,
        prev_hash: str,
        dossier_id: str | None,
        contract: Contract,
        actor: Actor,
        causation_id: str | None,
        correlation_id: str | None,
    ) -> dict[str, Any]:
        timestamp = clock.now()
        vastgelegd = clock.local_date(timestamp)
        if contract.geldig_op > vastgelegd:
            # A fact is recorded when it has happened; what is planned for later is a date in
            # its payload (an appointment, a delegation's end), not its valid time.
            raise DomainRuleViolated(
                f"{type(contract).__name__}: geldig op {contract.geldig_op} ligt na de dag van "
                f"vastleggen {vastgelegd}; een feit wordt vastgelegd als het gebeurd is"
            )
        fields: dict[str, Any] = {
            "dossier_id": dossier_id,
            "schema_version": contract.versie,
            "classificatie": contract.classificatie.value,
            "actor": actor.model_dump(mode="json"),
            "geldig_op": contract.geldig_op,
            "causation_id": causation_id,
            "correlation_id": correlation_id or str(originator_id),
            "prev_hash": prev_hash,
            "data": contract.data(),
        }
        fields["hash"] = chain.event_hash(
            event_class.__name__, originator_id, version, timestamp, fields
        )
        fields["timestamp"] = timestamp
        return fields

    @classmethod
    def open(
        cls,
        id: UUID,
        dossier_id: str | None,
        contract: Contract,
        actor: Actor,
        causation_id: str | None = None,
        correlation_id: str | None = None,
    ):
        """Create the aggregate with `contract` as its first fact."""
        event_class = cls._event_class(contract)
        fields = cls._envelope(
            event_class,
            id,
            cls.INITIAL_VERSION,
            chain.GENESIS,
            dossier_id,
            contract,
            actor,
            causation_id,
            correlation_id,
        )
        return cls._create(event_class, id=id, **fields)

    def record(
        self,
        contract: Contract,
        actor: Actor,
        causation_id: str | None = None,
        correlation_id: str | None = None,
    ) -> None:
        event_class = self._event_class(contract)
        fields = self._envelope(
            event_class,
            self.id,
            self.version + 1,
            self.chain_head,
            self.dossier_id,
            contract,
            actor,
            causation_id,
            correlation_id,
        )
        self.trigger_event(event_class, **fields)

    @classmethod
    def _event_class(cls, contract: Contract) -> type:
        event_class = cls._feiten.get(type(contract))
        if event_class is None:
            raise TypeError(f"{cls.__name__} does not record {type(contract).__name__}")
        return event_class
