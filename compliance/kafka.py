"""Replay from Kafka: a dossier rebuilt from the topics the services publish, not from the stores.

Every `wvp.<service>.events` and `wvp.<service>.medisch` topic is read from offset 0 with
aiokafka (the client the services run on) and manually assigned partitions, so a replay joins no
consumer group and moves no service's offsets, up to the end offsets taken at the start.
Messages are decoded with `distributed.codec`; a republished message (the relay is
at-least-once) counts once. The facts of the dossier are those of each service's dossier
aggregate, put in recorded order exactly as `Platform.history` does, and go through the same cut,
view and calendar as a replay from the stores (`replay_history`).

Medical payloads are sealed; only the bedrijfsarts-side private key opens them all. Without it
medical facts keep their type, dates and actor but not their payload, and the replay says so;
roles without medical access lose nothing, as they never see those facts.

The read decision: there is no store here, so the policy engine is asked directly, with the
input built from the history read from Kafka (`dossier_facts`) and the delegations published by
the bedrijfsarts service. It is not written to the dossier's decision log: that log lives in the
platform's store, which a replay from the broker does not have (and need not reach). A Kafka
replay is an operator's reconstruction; who may run it is decided by who holds broker access
and, for medical content, the bedrijfsarts-side key.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from aiokafka import ConsumerRecord

from compliance.replay import Bron, Replay, replay_history
from distributed import codec, reader, topology
from distributed.sealing import Keyring
from events import Actor
from policies.context import READ, policy_input
from policies.engine import PolicyEngine, engine_from_env
from policies.inzage import NO_ACCESS, Decision
from readmodel.port import in_recorded_order
from readmodel.relations import Delegations, dossier_facts
from services.shared.aggregate import aggregate_id
from services.shared.application import event_id

DELEGATIEFEITEN = ("TaakdelegatieVerleend", "TaakdelegatieIngetrokken")


@dataclass(frozen=True)
class KafkaHistory:
    """What the topics hold for one dossier, and the delegations (they belong to no dossier)."""

    history: list[tuple[str, Any]]
    delegaties: list[dict[str, Any]]
    onleesbaar: frozenset[str]  # ids of medical facts whose payload could not be opened
    medische_inhoud: bool  # whether a key to open medical payloads was given


def keyring(private_key: str | None) -> Keyring:
    """The bedrijfsarts-side keyring: a private key only (nothing is sealed here)."""
    return Keyring.load(None, topology.BEDRIJFSARTS_ZIJDE, private_key)


Visit = Callable[[str, str, bytes, dict[str, str]], None]


def read_topics(bootstrap: str, visit: Visit, timeout: float = 30.0) -> None:
    """Call `visit(service, stream, body, headers)` for every message of every wvp topic, from
    offset 0 to the end offsets now, in each partition's order."""
    herkomst = {
        topology.topic(service, stream): (service, stream)
        for service in topology.BY_NAME
        for stream in topology.STREAMS
    }

    def bezoek(message: ConsumerRecord) -> None:
        service, stream = herkomst[message.topic]
        visit(service, stream, message.value, {k: v.decode() for k, v in message.headers})

    reader.run(
        reader.read_whole(bootstrap, herkomst, bezoek),
        timeout,
        f"de topics op {bootstrap} zijn niet binnen {timeout} s gelezen",
    )


def read_history(bootstrap: str, dossier_id: str, keys: Keyring) -> KafkaHistory:
    mapper = codec.wire_mapper()
    aggregates = {s: aggregate_id(s, dossier_id) for s in topology.BY_NAME}
    per_service: dict[str, dict[str, tuple[int, Any]]] = {s: {} for s in topology.BY_NAME}
    delegaties: dict[str, tuple[int, Any]] = {}
    onleesbaar = set()

    def visit(service: str, stream: str, body: bytes, headers: dict[str, str]) -> None:
        received = codec.decode(service, stream, body, headers, mapper, keys)
        event, kind = received.event, type(received.event).__name__
        if event.originator_id == aggregates[service]:
            per_service[service][event_id(event)] = (received.notification_id, event)
            if not received.complete:
                onleesbaar.add(event_id(event))
        elif service == "bedrijfsarts" and kind in DELEGATIEFEITEN:
            delegaties[event_id(event)] = (received.notification_id, event)

    read_topics(bootstrap, visit)
    # Each service's part in its own log order, then merged as Platform.history merges.
    history = in_recorded_order(
        (service, event)
        for service in topology.BY_NAME
        for _, event in sorted(per_service[service].values(), key=lambda pair: pair[0])
    )
    folded = Delegations(None)
    for _, event in sorted(delegaties.values(), key=lambda pair: pair[0]):
        folded.apply(event)
    return KafkaHistory(
        history, list(folded.by_id.values()), frozenset(onleesbaar), keys.private_key is not None
    )


def decide(engine: PolicyEngine, actor: Actor, dossier_id: str, kafka: KafkaHistory) -> Decision:
    """The read decision from the Kafka history. Facts whose payload is withheld tie no one to
    the dossier here (a provider's referral needs the key to count)."""
    leesbaar = [(s, e) for s, e in kafka.history if event_id(e) not in kafka.onleesbaar]
    facts = dossier_facts(dossier_id, leesbaar)
    if facts is None:
        return NO_ACCESS
    return Decision(engine.decide(policy_input(actor, READ, facts, kafka.delegaties)))


def replay_from_kafka(
    bootstrap: str,
    dossier_id: str,
    actor: Actor,
    as_of: date | None = None,
    known_at: datetime | None = None,
    peildatum: date | None = None,
    private_key: str | None = None,
    engine: PolicyEngine | None = None,
) -> Replay:
    """The dossier as `actor` may read it, rebuilt from the topics on `bootstrap`;
    `private_key` is the bedrijfsarts-side key file (PEM) that opens medical payloads."""
    kafka = read_history(bootstrap, dossier_id, keyring(private_key))
    eigen = engine is None
    engine = engine or engine_from_env()
    try:
        decision = decide(engine, actor, dossier_id, kafka)
    finally:
        if eigen:
            engine.close()
    bron = Bron("kafka", kafka.medische_inhoud, kafka.onleesbaar)
    return replay_history(
        kafka.history, dossier_id, actor, decision, as_of, known_at, peildatum, bron
    )
