"""The five services as separate processes over Kafka (a Tansu broker): the canonical 104-week
dossier gives the same history and calendar as the embedded runtime, through SIGKILLs, a
redelivered message and a broker outage; nothing medical is readable on the wire."""

import json
import time
from datetime import UTC, datetime, timedelta
from datetime import time as daytime
from uuid import uuid4

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from compliance.kafka import replay_from_kafka
from compliance.replay import replay, replay_dict
from distributed import topology
from distributed.client import RemotePlatform
from events import Actor, Rol
from poortwachter.feiten import feiten_uit_historie
from poortwachter.kalender import kalender
from services.shared import clock
from services.shared.aggregate import aggregate_id
from wvp.runtime import running
from wvp.scenario import canonical_case, plan_stappen, voer_uit, walk

MEDICAL_CANARIES = (b"Overspanning", b"Zes sessies cognitieve gedragstherapie")
KILL_AT = {25: "bedrijfsarts", 50: "uwv_submission"}  # step index -> service killed right after


def comparable(history, dossier_id):
    """Everything but what depends on the random dossier id, which each run draws anew."""
    rows = [
        (
            service,
            type(e).__name__,
            e.geldig_op.isoformat(),
            e.timestamp.isoformat(),
            e.classificatie,
            e.actor,
            e.data,
            e.causation_id,
        )
        for service, e in history
    ]
    text = json.dumps(rows, default=str)
    for service in topology.BY_NAME:
        text = text.replace(str(aggregate_id(service, dossier_id)), f"<{service}>")
    return json.loads(text.replace(dossier_id, "<dossier>"))


def calendar(history, casus):
    return [v.__dict__ for v in kalender(feiten_uit_historie(history), casus.einde)]


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    casus = canonical_case()
    with running({"WVP_DATA_DIR": str(tmp_path_factory.mktemp("embedded"))}) as platform:
        walk(platform, casus)
        history = platform.history(casus.dossier_id)
    return comparable(history, casus.dossier_id), calendar(history, casus)


def raw_messages(bootstrap):
    """Every message on every wvp topic, read from offset 0 with manually assigned partitions."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        partitions = [
            TopicPartition(t, p)
            for t in consumer.topics()
            if t.startswith("wvp.")
            for p in consumer.partitions_for_topic(t) or ()
        ]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        ends = consumer.end_offsets(partitions)
        messages, deadline = [], time.monotonic() + 20
        while any(consumer.position(p) < ends[p] for p in partitions):
            assert time.monotonic() < deadline, "reading the topics took too long"
            for batch in consumer.poll(timeout_ms=200).values():
                messages.extend(batch)
        return messages
    finally:
        consumer.close()


@pytest.fixture(scope="module")
def distributed_case(services):
    """The canonical case driven through the five processes, with a leader and a follower
    SIGKILLed mid-stream and restarted."""
    remote = RemotePlatform(services.urls)
    casus = canonical_case()
    start = datetime.combine(casus.eerste_ziektedag, daytime(7, 0), UTC)
    provider = casus.betrokkenen.provider
    with clock.frozen_at(start):
        remote.execute(
            "registreer_provider",
            provider,
            None,
            {
                "geldig_op": str(start.date()),
                "provider_id": provider.organisatie,
                "naam": casus.betrokkenen.provider_naam,
                "soort": casus.betrokkenen.provider_soort,
            },
        )
    for index, gepland in enumerate(plan_stappen(casus).stappen):
        victim = KILL_AT.get(index)
        remote.auto_settle = victim is None
        voer_uit(remote, gepland)
        if victim:  # mid-stream: its relay or its consumers may be halfway
            services.kill(victim)
            services.start(victim)
            remote.settle()
    remote.auto_settle = True
    return remote, casus


def test_distributed_run_matches_embedded(distributed_case, kafka, embedded):
    remote, casus = distributed_case
    history = remote.history(casus.dossier_id)
    expected_history, expected_calendar = embedded
    assert comparable(history, casus.dossier_id) == expected_history
    assert calendar(history, casus) == expected_calendar

    # Kafka redelivers: the werkgever's first message once more changes nothing.
    [first] = [m for m in raw_messages(kafka.bootstrap) if m.topic == "wvp.werkgever.events"][:1]
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap)
    producer.send(first.topic, first.value, key=first.key, headers=first.headers, partition=0)
    producer.flush(timeout=10)
    producer.close()
    # A later message on the same partition: once the follower has it, it has seen the copy.
    werknemer = f"wn-{uuid4().hex[:8]}"
    remote.execute(
        "registreer_ziekmelding",
        casus.betrokkenen.hr,
        None,
        {"geldig_op": "2026-04-01", "werknemer_id": werknemer, "werkgever_id": "wg-canon"},
    )
    assert comparable(remote.history(casus.dossier_id), casus.dossier_id) == expected_history

    # Nothing medical is readable on the wire, though it was sent.
    messages = raw_messages(kafka.bootstrap)
    assert any(m.topic == "wvp.bedrijfsarts.medisch" for m in messages)
    for message in messages:
        for canary in MEDICAL_CANARIES:
            assert canary not in message.value
            assert all(canary not in (v or b"") for _, v in message.headers)


def test_commands_succeed_while_broker_is_down_and_projections_catch_up(services, kafka):
    """The broker is frozen (SIGSTOP), not restarted: Tansu keeps its log only in memory."""
    remote = RemotePlatform(services.urls, settle=False)
    werknemer = f"wn-{uuid4().hex[:8]}"
    hr = canonical_case(werknemer_id=werknemer).betrokkenen.hr
    kafka.pause()
    try:
        dossier = remote.execute(
            "registreer_ziekmelding",
            hr,
            None,
            {"geldig_op": "2026-04-01", "werknemer_id": werknemer, "werkgever_id": hr.organisatie},
        ).dossier_id
        remote.execute(
            "wijzig_verzuimpercentage",
            hr,
            dossier,
            {"geldig_op": "2026-04-08", "verzuimpercentage": 50},
        )
        time.sleep(3)  # the relays try to publish meanwhile, and cannot
        werkgever = remote.status()["werkgever"]
        assert werkgever["relayed"] < werkgever["notification_id"]
    finally:
        kafka.resume()
    remote.settle(timeout=60)
    kinds = {(s, type(e).__name__) for s, e in remote.history(dossier)}
    for service in ("bedrijfsarts", "arbeidsdeskundige", "providerboog", "uwv_submission"):
        assert (service, "DossierGeopend") in kinds
    assert ("werkgever", "VerzuimpercentageGewijzigd") in kinds


@pytest.fixture(scope="module")
def stores(services, distributed_case):
    """A platform over the five services' own stores, linked into one directory; it only reads
    (and logs its read decisions in a decision log of its own)."""
    directory = services.root / "stores"
    directory.mkdir(exist_ok=True)
    for name in topology.BY_NAME:
        (directory / f"{name}.sqlite").symlink_to(services.root / name / f"{name}.sqlite")
    env = {
        "WVP_DATA_DIR": str(directory),
        "WVP_DATABASE_URL": "",
        "WVP_MEDICAL_KEY": services.env["WVP_MEDICAL_KEY"],
    }
    with running(env) as platform:
        yield platform


def without_source(replayed):
    """The replay as data, without what says where it was read from."""
    data = replay_dict(replayed)
    for key in ("bron", "medische_inhoud"):
        data.pop(key)
    return data


def test_replay_from_kafka_equals_replay_from_the_stores(distributed_case, stores, kafka, keys):
    _, casus = distributed_case
    b = casus.betrokkenen
    compliance = Actor(rol=Rol.COMPLIANCE, persoon_id="wg-canon.co", organisatie=b.werkgever_id)
    cuts = [
        {},
        {
            "as_of": casus.eerste_ziektedag + timedelta(days=60),
            "known_at": datetime.combine(
                casus.eerste_ziektedag + timedelta(days=70), daytime(12), UTC
            ),
        },
    ]
    key = str(keys / f"{topology.BEDRIJFSARTS_ZIJDE}.key.pem")
    for actor, private_key in ((b.hr, None), (compliance, None), (b.bedrijfsarts, key)):
        for cut in cuts:
            from_stores = replay(stores, casus.dossier_id, actor, **cut)
            from_kafka = replay_from_kafka(
                kafka.bootstrap, casus.dossier_id, actor, private_key=private_key, **cut
            )
            assert from_kafka.bron.naam == "kafka"
            assert without_source(from_kafka) == without_source(from_stores), (actor.rol, cut)
            assert from_kafka.visible, (actor.rol, cut)
    # The bedrijfsarts without the key: the medical facts are there, their payload is not, and
    # the replay says so.
    blind = replay_dict(replay_from_kafka(kafka.bootstrap, casus.dossier_id, b.bedrijfsarts))
    assert blind["medische_inhoud"].startswith("niet beschikbaar")
    onleesbaar = [e for e in blind["tijdlijn"] if e["id"] in blind["onleesbaar"]]
    assert onleesbaar and all(e["classificatie"] == "medisch" for e in onleesbaar)
    assert all(e["data"] == {} for e in onleesbaar)
    assert not any(canary.decode() in json.dumps(blind) for canary in MEDICAL_CANARIES)
    with_key = replay_dict(
        replay_from_kafka(kafka.bootstrap, casus.dossier_id, b.bedrijfsarts, private_key=key)
    )
    assert any(canary.decode() in json.dumps(with_key) for canary in MEDICAL_CANARIES)
    assert with_key["onleesbaar"] == []
