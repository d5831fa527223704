"""Aggregate base whose events carry the WVP envelope and form a hash chain."""

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from events import Actor, Contract
from services.shared import chain, clock

_NAMESPACE = uuid5(NAMESPACE_URL, "https://wvp.example/dossier")


def aggregate_id(service: str, key: str) -> UUID:
    """Each service keeps its part of dossier `key` in one aggregate with a derivable id."""
    return uuid5(_NAMESPACE, f"{service}/{key}")


class ChainedAggregate(Aggregate):
    """An aggregate whose every event is a `Feit` validated by a contract from `events/`.

    Subclasses declare the facts they accept as nested `Feit` classes named like the contract; a
    fact whose class is missing cannot be recorded on that aggregate.
    """

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

        def apply(self, aggregate: "ChainedAggregate") -> None:
            aggregate.chain_head = self.hash
            self.evolve(aggregate)

        def evolve(self, aggregate: Any) -> None:
            """Change the aggregate's state; most facts only add to history."""

    class Opening(Feit, Aggregate.Created):
        """Base of the fact that creates an aggregate."""

    def __init__(self, dossier_id: str | None) -> None:
        # The library passes the opening event's fields that this signature names.
        self.dossier_id = dossier_id  # None for aggregates outside any dossier (a delegation)
        self.chain_head = chain.GENESIS
        self.init_state()

    def init_state(self) -> None:
        """Subclasses set their initial state here, before the opening fact is applied."""

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
        if type(contract).__name__ != event_class.__name__:
            raise TypeError(f"{type(contract).__name__} recorded as {event_class.__name__}")
        timestamp = clock.now()
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
        event_class = getattr(cls, type(contract).__name__, None)
        if event_class is None:
            raise TypeError(f"{cls.__name__} does not record {type(contract).__name__}")
        return event_class
