"""The five services as separate processes over Kafka (a Tansu broker): the canonical 104-week
dossier gives the same history and calendar as the embedded runtime, through SIGKILLs, a
redelivered message and a broker outage; nothing medical is readable on the wire."""

import json
import time
from datetime import UTC, datetime
from datetime import time as daytime
from uuid import uuid4

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from distributed import topology
from distributed.client import RemotePlatform
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


def test_distributed_run_matches_embedded(services, kafka, embedded):
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
