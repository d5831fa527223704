"""The Kafka integrations against a real Tansu broker and real werkgever and uwv_submission
processes: inbound verzuimmeldingen and UWV answers, the DLQ (refusals, messages that do not
decode or keep failing, `wvp dlq list` and `wvp dlq replay`), the insurer's topic, AsyncAPI."""

import json
import sqlite3
import time
from contextlib import closing, contextmanager
from uuid import uuid4

import httpx
import jsonschema
import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from typer.testing import CliRunner

from distributed import asyncapi, dlq, topology
from distributed.client import RemotePlatform
from distributed.dlq import TOPIC as DLQ
from distributed.integrations import UWV, VERZEKERAAR, VERZUIMMELDINGEN
from events import Actor, Rol
from events.integraties import VerzekeraarMelding
from events.schemas import SCHEMA_DIR
from gateway.auth import mint_token
from gateway.settings import GatewaySettings
from tooling.processes import ServiceProcesses
from wvp.cli import app as wvp

SECRET = "integratie-test-geheim-" + "x" * 32
SETTINGS = GatewaySettings(jwt_secret=SECRET)
HR = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
CANARY = "CANARY-verzekeraar-91c2"
SERVICES = ("werkgever", "uwv_submission")
ATTEMPTS = 3
runner = CliRunner()


def token(rol="werkgever", organisatie="acme", settings=SETTINGS) -> str:
    return "Bearer " + mint_token(settings, rol, f"systeem-{organisatie}", organisatie)


@pytest.fixture(scope="module")
def processes(kafka, keys, tmp_path_factory):
    started = ServiceProcesses(
        kafka.bootstrap,
        tmp_path_factory.mktemp("integraties"),
        keys,
        # Fewer and shorter retries than the defaults, so a failing message is quickly through.
        env={
            "WVP_JWT_SECRET": SECRET,
            "WVP_KAFKA_RETRY_ATTEMPTS": str(ATTEMPTS),
            "WVP_KAFKA_RETRY_WAIT": "0.05",
        },
    )
    try:
        for name in SERVICES:
            started.launch(name)
        for name in SERVICES:
            started.wait_ready(name, 30)
        yield started
    finally:
        started.stop_all()


@pytest.fixture(scope="module")
def platform(processes):
    remote = RemotePlatform({n: processes.urls[n] for n in SERVICES}, settle=False)
    yield remote
    remote.close()


@pytest.fixture(scope="module")
def producer(kafka):
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap, max_request_size=1 << 20)
    yield producer
    producer.close()


def send(producer, topic, body: bytes, authorization: str | None, **extra: str | bytes) -> None:
    headers = dict(extra, **({"authorization": authorization} if authorization else {}))
    encoded = [(k, v if isinstance(v, bytes) else v.encode()) for k, v in headers.items()]
    producer.send(topic, body, key=b"k", headers=encoded, partition=0)
    producer.flush(timeout=10)


def melding(**fields) -> bytes:
    return json.dumps({"bericht_id": f"b-{uuid4().hex[:12]}", **fields}).encode()


def read(bootstrap: str, topic: str) -> list:
    """Every message on `topic`, from offset 0 with a manually assigned partition."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        if topic not in consumer.topics():
            return []
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        ends = consumer.end_offsets(partitions)
        messages, deadline = [], time.monotonic() + 20
        while any(consumer.position(p) < ends[p] for p in partitions):
            assert time.monotonic() < deadline, f"reading {topic} took too long"
            for batch in consumer.poll(timeout_ms=200).values():
                messages.extend(batch)
        return messages
    finally:
        consumer.close()


def wait_for(check, timeout: float = 40.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what or check}")


def status(remote: RemotePlatform, name: str) -> dict:
    return httpx.get(f"{remote.urls[name]}/status", timeout=5).json()


def kinds(remote: RemotePlatform, service: str, dossier_id: str) -> list[str]:
    return [type(e).__name__ for s, e in remote.history(dossier_id) if s == service]


def headers_of(record) -> dict[str, str]:
    return {k: v.decode() for k, v in record.headers}


def insurer_messages(bootstrap: str, werknemer: str) -> list[dict]:
    bodies = [json.loads(r.value) for r in read(bootstrap, VERZEKERAAR)]
    return [b for b in bodies if b["werknemer_id"] == werknemer]


@contextmanager
def store_broken(processes, name: str):
    """The service's SQLite store fails every query on its tracking table (a real store error,
    which no check expects) until the block ends."""
    path = processes.root / name / f"{name}.sqlite"

    def rename(old: str, new: str) -> None:
        with closing(sqlite3.connect(path, timeout=10, isolation_level=None)) as db:
            db.execute(f"ALTER TABLE {old} RENAME TO {new}")

    rename("tracking", "tracking_weg")
    try:
        yield
    finally:
        rename("tracking_weg", "tracking")


def dead_letters(bootstrap: str, since: int, **wanted: str) -> list:
    """The DLQ's messages after the first `since` whose headers hold `wanted`."""
    return [
        r
        for r in read(bootstrap, DLQ)[since:]
        if all(headers_of(r).get(k) == v for k, v in wanted.items())
    ]


def dlq_command(kafka, *args: str):
    return runner.invoke(wvp, ["dlq", *args, "--bootstrap", kafka.bootstrap])


def test_valid_meldingen_are_applied_once_and_reach_the_insurer(platform, producer, kafka):
    werknemer = f"wn-{uuid4().hex[:8]}"
    ids = {"werkgever_id": "acme", "werknemer_id": werknemer}
    send(
        producer,
        VERZUIMMELDINGEN,
        melding(soort="ziekmelding", geldig_op="2026-02-02", **ids),
        token(),
    )
    [start] = wait_for(lambda: insurer_messages(kafka.bootstrap, werknemer), what="start")
    dossier = start["dossier_id"]

    # The same wijziging twice (one bericht_id): applied once, and not refused either.
    wijziging = melding(soort="wijziging", geldig_op="2026-02-09", verzuimpercentage=50, **ids)
    send(producer, VERZUIMMELDINGEN, wijziging, token())
    send(producer, VERZUIMMELDINGEN, wijziging, token())
    # An arbodienst under contract with acme (policies/data.json) reports the herstel.
    send(
        producer,
        VERZUIMMELDINGEN,
        melding(soort="herstelmelding", geldig_op="2026-02-20", **ids),
        token("casemanager", "arbo"),
    )
    wait_for(
        lambda: "HerstelmeldingGeregistreerd" in kinds(platform, "werkgever", dossier),
        what="herstel",
    )
    assert kinds(platform, "werkgever", dossier) == [
        "ZiekmeldingGeregistreerd",
        "VerzuimpercentageGewijzigd",
        "HerstelmeldingGeregistreerd",
    ]
    facts = [e for s, e in platform.history(dossier) if s == "werkgever"]
    assert facts[0].actor == {
        "rol": "werkgever",
        "persoon_id": "systeem-acme",
        "organisatie": "acme",
    }
    assert facts[2].actor["organisatie"] == "arbo"
    assert not [r for r in read(kafka.bootstrap, DLQ) if r.value == wijziging]

    sent = wait_for(
        lambda: (m := insurer_messages(kafka.bootstrap, werknemer)) and len(m) >= 3 and m,
        what="insurer messages",
    )
    assert [(m["soort"], m["geldig_op"], m["verzuimpercentage"]) for m in sent] == [
        ("ziekmelding", "2026-02-02", 100),
        ("wijziging", "2026-02-09", 50),
        ("herstelmelding", "2026-02-20", None),
    ]


def test_corrections_and_withdrawals_become_correcting_facts(platform, producer, kafka):
    """An integrator corrects a herstel date and a first sick day, and withdraws a ziekmelding
    made by mistake: each becomes a fact that says what it corrects and why; nothing is lost."""
    ids = {"werkgever_id": "acme", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    for body in (
        melding(soort="ziekmelding", geldig_op="2026-03-02", **ids),
        melding(soort="herstelmelding", geldig_op="2026-03-20", **ids),
        melding(
            soort="correctie",
            geldig_op="2026-03-23",
            gecorrigeerd_bericht_id="b-herstel",
            hersteld_op="2026-03-16",
            reden="herstel eerder dan gemeld",
            **ids,
        ),
        melding(
            soort="correctie",
            geldig_op="2026-03-23",
            gecorrigeerd_bericht_id="b-ziek",
            eerste_ziektedag="2026-02-27",
            **ids,
        ),
    ):
        send(producer, VERZUIMMELDINGEN, body, token())
    start = wait_for(lambda: insurer_messages(kafka.bootstrap, ids["werknemer_id"]), what="start")[
        0
    ]
    dossier = start["dossier_id"]
    wait_for(lambda: len(kinds(platform, "werkgever", dossier)) == 4, what="the two corrections")
    facts = [e for s, e in platform.history(dossier) if s == "werkgever"]
    assert [type(e).__name__ for e in facts] == [
        "ZiekmeldingGeregistreerd",
        "HerstelmeldingGeregistreerd",
        "HerstelGecorrigeerd",
        "EersteZiektedagGecorrigeerd",
    ]
    assert facts[2].data == {
        "reden": "herstel eerder dan gemeld",
        "vorige_hersteldatum": "2026-03-20",
    }
    assert str(facts[2].geldig_op) == "2026-03-16"
    assert facts[3].data["vorige_eerste_ziektedag"] == "2026-03-02"
    assert "correctie van bericht b-ziek" in facts[3].data["reden"]

    vergist = {"werkgever_id": "acme", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    send(
        producer,
        VERZUIMMELDINGEN,
        melding(soort="ziekmelding", geldig_op="2026-03-02", **vergist),
        token(),
    )
    [start] = wait_for(
        lambda: insurer_messages(kafka.bootstrap, vergist["werknemer_id"]), what="start"
    )
    intrekking = melding(
        soort="intrekking",
        geldig_op="2026-03-03",
        ingetrokken_bericht_id="b-1",
        ingetrokken_soort="ziekmelding",
        **vergist,
    )
    send(producer, VERZUIMMELDINGEN, intrekking, token())
    wait_for(
        lambda: "ZiekmeldingIngetrokken" in kinds(platform, "werkgever", start["dossier_id"]),
        what="the withdrawal",
    )


def test_nothing_but_administrative_facts_reach_the_insurer(platform, kafka):
    werknemer = f"wn-{uuid4().hex[:8]}"
    fields = {
        "geldig_op": "2026-03-02",
        "werknemer_id": werknemer,
        "werkgever_id": "acme",
        "telefoon": CANARY,
        "verpleegadres": CANARY,
        "lopende_taken": CANARY,
        "afspraken": CANARY,
    }
    dossier = platform.execute("registreer_ziekmelding", HR, None, fields).dossier_id
    gesprek = {"geldig_op": "2026-03-10", "onderwerp": "probleemanalyse", "verslag": CANARY}
    platform.execute("leg_gesprek_vast", HR, dossier, gesprek)
    platform.execute(
        "wijzig_verzuimpercentage",
        HR,
        dossier,
        {"geldig_op": "2026-03-11", "verzuimpercentage": 40},
    )
    wait_for(lambda: len(insurer_messages(kafka.bootstrap, werknemer)) == 2, what="2 messages")
    allowed = set(VerzekeraarMelding.model_fields)
    for record in read(kafka.bootstrap, VERZEKERAAR):
        assert CANARY.encode() not in record.value
        assert all(CANARY.encode() not in v for _, v in record.headers)
        assert set(json.loads(record.value)) <= allowed
    assert [m["soort"] for m in insurer_messages(kafka.bootstrap, werknemer)] == [
        "ziekmelding",
        "wijziging",
    ]


def test_refused_messages_go_to_the_dlq_with_their_reason_and_change_nothing(
    platform, producer, kafka
):
    before = {name: status(platform, name)["notification_id"] for name in SERVICES}
    dlq_before = len(read(kafka.bootstrap, DLQ))
    ids = {"werkgever_id": "acme", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    geldig = {"soort": "ziekmelding", "geldig_op": "2026-04-01", **ids}
    vreemd_geheim = GatewaySettings(jwt_secret="een-ander-geheim-" + "y" * 32)
    cases = {
        "te_groot": (melding(**geldig, toelichting="x" * 70_000), token()),
        "geen_json": (b"{ziekmelding: ja", token()),
        "niet_geauthenticeerd": (melding(**geldig), token(settings=vreemd_geheim)),
        "geen_token": (melding(**geldig), None),
        "schema": (melding(**geldig, diagnose="hernia"), token()),
        "onbekende_soort": (melding(**{**geldig, "soort": "verzuimgesprek"}), token()),
        "niet_toegestaan": (melding(**{**geldig, "werkgever_id": "bolt"}), token()),
        "arbodienst_zonder_contract": (melding(**geldig), token("casemanager", "arbo-zuid")),
        "niet_ondersteund": (
            melding(
                **{**geldig, "soort": "intrekking"},
                ingetrokken_bericht_id="b-1",
                ingetrokken_soort="herstelmelding",
            ),
            token(),
        ),
        "correctie_zonder_inhoud": (
            melding(**{**geldig, "soort": "correctie"}, gecorrigeerd_bericht_id="b-1"),
            token(),
        ),
        "afgewezen": (melding(**{**geldig, "soort": "herstelmelding"}), token()),
        "kopregel_geen_utf8": (b"{}", token()),
    }
    expected = {
        "te_groot": "te_groot",
        "geen_json": "geen_json",
        "niet_geauthenticeerd": "niet_geauthenticeerd",
        "geen_token": "niet_geauthenticeerd",
        "schema": "schema",
        "onbekende_soort": "schema",
        "niet_toegestaan": "niet_toegestaan",
        "arbodienst_zonder_contract": "niet_toegestaan",
        "niet_ondersteund": "niet_ondersteund",
        "correctie_zonder_inhoud": "schema",  # a correction names what it corrects
        "afgewezen": "afgewezen",  # a herstel without any ziekmelding of this werknemer
        "kopregel_geen_utf8": "schema",  # not dropped by the client library: checked as any
    }
    for case, (body, authorization) in cases.items():
        extra = {"onleesbaar": b"\xff\xfe"} if case == "kopregel_geen_utf8" else {}
        send(producer, VERZUIMMELDINGEN, body, authorization, testgeval=case, **extra)

    dead = wait_for(
        lambda: (r := read(kafka.bootstrap, DLQ)[dlq_before:]) and len(r) >= len(cases) and r,
        what="dead letters",
    )
    assert len(dead) == len(cases)
    by_case = {headers_of(r)["testgeval"]: r for r in dead}
    assert {case: headers_of(r)[dlq.REASON] for case, r in by_case.items()} == expected
    for case, record in by_case.items():
        h = headers_of(record)
        assert record.value == cases[case][0]  # the body as it came
        assert h[dlq.SOURCE_TOPIC] == VERZUIMMELDINGEN and h[dlq.SERVICE] == "werkgever"
        assert h[dlq.DETAIL] and "authorization" not in h
    assert "diagnose" in headers_of(by_case["schema"])[dlq.DETAIL]

    # The consumer kept going: a valid melding after them is applied.
    send(producer, VERZUIMMELDINGEN, melding(**geldig), token())
    # Only the valid melding's facts: the dossier, the employment and its link; and the
    # follower's opening of its part of the new dossier.
    expected_counts = {
        "werkgever": before["werkgever"] + 3,
        "uwv_submission": before["uwv_submission"] + 1,
    }
    wait_for(
        lambda: (
            {name: status(platform, name)["notification_id"] for name in SERVICES}
            == expected_counts
        ),
        what=f"exactly the valid melding's facts: {expected_counts}",
    )


def test_a_message_too_large_to_copy_goes_to_the_dlq_as_a_reference_and_blocks_nothing(
    platform, kafka, tmp_path
):
    """A body over the producer's request limit cannot be copied to the DLQ; the DLQ gets a
    reference to it instead (once), and the valid melding behind it is applied."""
    big = KafkaProducer(bootstrap_servers=kafka.bootstrap, max_request_size=4 << 20)
    try:
        dlq_before = len(read(kafka.bootstrap, DLQ))
        werknemer = f"wn-{uuid4().hex[:8]}"
        geldig = {"soort": "ziekmelding", "geldig_op": "2026-04-01", "werkgever_id": "acme"}
        reus = melding(**geldig, werknemer_id=werknemer, toelichting="x" * (3 << 19))
        send(big, VERZUIMMELDINGEN, reus, token(), testgeval="reus")
        send(big, VERZUIMMELDINGEN, melding(**geldig, werknemer_id=werknemer), token())
    finally:
        big.close()
    wait_for(lambda: insurer_messages(kafka.bootstrap, werknemer), what="the melding behind it")
    (dead,) = [r for r in read(kafka.bootstrap, DLQ)[dlq_before:] if headers_of(r).get("testgeval")]
    h = headers_of(dead)
    assert h[dlq.REASON] == "te_groot" and h[dlq.REFERENCE] == "1"
    assert h[dlq.SOURCE_TOPIC] == VERZUIMMELDINGEN and int(h[dlq.SOURCE_OFFSET]) >= 0
    assert str(len(reus)) in h[dlq.DETAIL] and not dead.value

    # Re-driven, the original is read at its source: still too large, so again a reference.
    entry_id = f"{dead.partition}:{dead.offset}"
    fresh = tmp_path / "token"
    fresh.write_text(token())
    replayed = dlq_command(kafka, "replay", entry_id, "--authorization-file", str(fresh))
    assert replayed.exit_code == 0, replayed.stderr
    (again,) = wait_for(
        lambda: dead_letters(kafka.bootstrap, dlq_before, wvp_dlq_replayed_from=entry_id),
        what="the replay in the DLQ",
    )
    assert headers_of(again)[dlq.REFERENCE] == "1" and headers_of(again)["testgeval"] == "reus"


def test_uwv_answers_become_uwv_submission_facts(platform, producer, kafka):
    werknemer = f"wn-{uuid4().hex[:8]}"
    # Long past: these processes record on the wall clock, and no fact may be dated after the
    # day it is recorded.
    fields = {"geldig_op": "2024-01-08", "werknemer_id": werknemer, "werkgever_id": "acme"}
    dossier = platform.execute("registreer_ziekmelding", HR, None, fields).dossier_id
    wait_for(lambda: kinds(platform, "uwv_submission", dossier), what="uwv dossier")
    platform.execute(
        "dien_melding_42_weken_in", HR, dossier, {"geldig_op": "2024-10-22", "kenmerk": "M42-1"}
    )
    uwv = token("uwv", "uwv")
    ontvangst = melding(
        soort="ontvangstbevestiging", dossier_id=dossier, geldig_op="2024-10-24", kenmerk="UWV-1"
    )
    toets = melding(
        soort="riv_toets",
        dossier_id=dossier,
        geldig_op="2025-01-06",
        voldoende=False,
        # After week 104 (2026-01-04): a loonsanctie never shortens the waiting period.
        loonsanctie_tot="2026-06-30",
        motivering="te weinig re-integratie",
    )
    dlq_before = len(read(kafka.bootstrap, DLQ))
    send(producer, UWV, ontvangst, uwv)
    send(
        producer,
        UWV,
        melding(
            soort="wia_beslissing",
            dossier_id=dossier,
            geldig_op="2025-01-06",
            uitkomst="WGA",
            arbeidsongeschiktheid_percentage=60,
        ),
        token(),
    )  # an employer cannot speak for UWV
    send(producer, UWV, toets, uwv)
    send(producer, UWV, ontvangst, uwv)  # redelivered
    send(
        producer,
        UWV,
        melding(soort="wia_uitnodiging", dossier_id=dossier, geldig_op="2025-08-04"),
        uwv,
    )
    wait_for(
        lambda: "WiaAanvraagformulierOntvangen" in kinds(platform, "uwv_submission", dossier),
        what="the last UWV message",
    )
    assert kinds(platform, "uwv_submission", dossier) == [
        "DossierGeopend",
        "Melding42WekenIngediend",
        "OntvangstbevestigingUwv",
        "RivToetsUitkomst",
        "WiaAanvraagformulierOntvangen",
    ]
    [toets_feit] = [
        e for s, e in platform.history(dossier) if type(e).__name__ == "RivToetsUitkomst"
    ]
    assert toets_feit.actor["rol"] == "uwv" and toets_feit.data["loonsanctie_tot"] == "2026-06-30"
    [refused] = read(kafka.bootstrap, DLQ)[dlq_before:]
    assert headers_of(refused)[dlq.REASON] == "niet_toegestaan"
    assert headers_of(refused)[dlq.SOURCE_TOPIC] == UWV


def test_a_leader_message_that_does_not_decode_goes_to_the_dlq_and_blocks_nothing(
    platform, producer, kafka
):
    dlq_before = len(read(kafka.bootstrap, DLQ))
    leader = topology.topic("werkgever")
    send(producer, leader, b"\x00 geen feit", None, testgeval="onleesbaar")
    fields = {"geldig_op": "2026-05-04", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    dossier = platform.execute(
        "registreer_ziekmelding", HR, None, {**fields, "werkgever_id": "acme"}
    ).dossier_id
    wait_for(lambda: kinds(platform, "uwv_submission", dossier), what="the fact behind it")
    (dead,) = dead_letters(kafka.bootstrap, dlq_before, testgeval="onleesbaar")
    h = headers_of(dead)
    assert (h[dlq.REASON], h[dlq.SERVICE], h[dlq.SOURCE_TOPIC]) == (
        dlq.ONLEESBAAR,
        "uwv_submission",
        leader,
    )
    assert dead.value == b"\x00 geen feit" and "ce_id" in h[dlq.DETAIL]


def test_a_message_that_keeps_failing_is_retried_then_dead_lettered_and_blocks_nothing(
    processes, platform, producer, kafka
):
    dlq_before = len(read(kafka.bootstrap, DLQ))
    geldig = {"soort": "ziekmelding", "geldig_op": "2026-05-04", "werkgever_id": "acme"}
    with store_broken(processes, "werkgever"):
        send(
            producer,
            VERZUIMMELDINGEN,
            melding(**geldig, werknemer_id="wn-x"),
            token(),
            testgeval="weg",
        )
        (dead,) = wait_for(
            lambda: dead_letters(kafka.bootstrap, dlq_before, testgeval="weg"), what="the DLQ"
        )
    werknemer = f"wn-{uuid4().hex[:8]}"
    send(producer, VERZUIMMELDINGEN, melding(**geldig, werknemer_id=werknemer), token())
    wait_for(lambda: insurer_messages(kafka.bootstrap, werknemer), what="the melding behind it")
    h = headers_of(dead)
    assert (h[dlq.REASON], h[dlq.SERVICE], h[dlq.SOURCE_TOPIC]) == (
        dlq.ONVERWERKBAAR,
        "werkgever",
        VERZUIMMELDINGEN,
    )
    assert h[dlq.DETAIL].startswith(f"na {ATTEMPTS} pogingen: OperationalError")
    assert "tracking" in h[dlq.DETAIL] and "authorization" not in h
    # Each attempt but the last was logged with its wait: bounded, with backoff.
    where = f"werkgever {VERZUIMMELDINGEN}[0]@{h[dlq.SOURCE_OFFSET]}: poging"
    log = (processes.root / "werkgever.log").read_text()
    logged = [n for n in range(1, ATTEMPTS + 1) if f"{where} {n} van {ATTEMPTS} mislukt" in log]
    assert logged == list(range(1, ATTEMPTS))


def test_dlq_list_shows_a_dead_letter_and_replay_redrives_it(
    processes, platform, producer, kafka, tmp_path
):
    """A melding dead-lettered while the store was away is applied once re-driven; an inbound
    one needs a fresh token of its sender, as the DLQ never held the first."""
    dlq_before = len(read(kafka.bootstrap, DLQ))
    werknemer = f"wn-{uuid4().hex[:8]}"
    ziek = melding(
        soort="ziekmelding", geldig_op="2026-05-11", werkgever_id="acme", werknemer_id=werknemer
    )
    with store_broken(processes, "werkgever"):
        send(producer, VERZUIMMELDINGEN, ziek, token(), testgeval="herhaal")
        (dead,) = wait_for(
            lambda: dead_letters(kafka.bootstrap, dlq_before, testgeval="herhaal"), what="the DLQ"
        )
    entry_id = f"{dead.partition}:{dead.offset}"

    listed = dlq_command(kafka, "list", "--json")
    assert listed.exit_code == 0, listed.output
    [shown] = [e for e in json.loads(listed.output) if e["id"] == entry_id]
    assert shown["source_topic"] == VERZUIMMELDINGEN and shown["service"] == "werkgever"
    assert shown["reason"] == dlq.ONVERWERKBAAR and "tracking" in shown["detail"]
    assert entry_id in dlq_command(kafka, "list").output

    unknown = dlq_command(kafka, "replay", "0:999999")
    assert unknown.exit_code == 1 and "geen bericht 0:999999" in unknown.stderr
    tokenless = dlq_command(kafka, "replay", entry_id)
    assert tokenless.exit_code == 1 and "--authorization-file" in tokenless.stderr
    assert not insurer_messages(kafka.bootstrap, werknemer)

    fresh = tmp_path / "token"
    fresh.write_text(token() + "\n")
    replayed = dlq_command(kafka, "replay", entry_id, "--authorization-file", str(fresh))
    assert replayed.exit_code == 0, replayed.stderr
    [start] = wait_for(lambda: insurer_messages(kafka.bootstrap, werknemer), what="the replay")
    assert start["soort"] == "ziekmelding"
    [copy] = [r for r in read(kafka.bootstrap, VERZUIMMELDINGEN) if r.value == ziek][1:]
    h = headers_of(copy)
    assert h[dlq.REPLAYED_FROM] == entry_id and h["testgeval"] == "herhaal"
    assert not [
        k for k in h if k.startswith("wvp_dlq_") and k not in (dlq.REPLAYED_FROM, dlq.REPLAYED_FOR)
    ]


def test_a_leader_fact_a_follower_dead_lettered_is_replayed_for_it_once(processes, platform, kafka):
    """uwv_submission could not apply the werkgever's facts while its store was away; the
    ziekmelding, re-driven (twice), opens its part of the dossier once."""
    dlq_before = len(read(kafka.bootstrap, DLQ))
    published = status(platform, "werkgever")["notification_id"]
    fields = {"geldig_op": "2026-05-18", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    with store_broken(processes, "uwv_submission"):
        dossier = platform.execute(
            "registreer_ziekmelding", HR, None, {**fields, "werkgever_id": "acme"}
        ).dossier_id
        facts = status(platform, "werkgever")["notification_id"] - published
        skipped = wait_for(
            lambda: (
                (d := dead_letters(kafka.bootstrap, dlq_before, wvp_dlq_service="uwv_submission"))
                and len(d) == facts
                and d
            ),
            what=f"{facts} dead letters",
        )
    [opening] = [r for r in skipped if headers_of(r).get("ce_subject") == dossier]
    assert headers_of(opening)[dlq.REASON] == dlq.ONVERWERKBAAR
    assert kinds(platform, "uwv_submission", dossier) == []

    for _ in range(2):
        replayed = dlq_command(kafka, "replay", f"{opening.partition}:{opening.offset}")
        assert replayed.exit_code == 0, replayed.stderr
    # A fact behind both copies: once it is applied, so are they.
    later = {"geldig_op": "2026-05-18", "werknemer_id": f"wn-{uuid4().hex[:8]}"}
    behind = platform.execute(
        "registreer_ziekmelding", HR, None, {**later, "werkgever_id": "acme"}
    ).dossier_id
    wait_for(lambda: kinds(platform, "uwv_submission", behind), what="the fact behind")
    assert kinds(platform, "uwv_submission", dossier) == ["DossierGeopend"]


def test_asyncapi_document_is_current_and_covers_every_topic():
    assert asyncapi.DOCUMENT.read_text() == asyncapi.rendered(), (
        "run: wvp asyncapi docs/asyncapi.json"
    )
    document = json.loads(asyncapi.DOCUMENT.read_text())
    addresses = {channel["address"] for channel in document["channels"].values()}
    services = ("werkgever", "bedrijfsarts", "arbeidsdeskundige", "providerboog", "uwv_submission")
    service_topics = {f"wvp.{s}.{stream}" for s in services for stream in ("events", "medisch")}
    assert addresses == service_topics | {VERZUIMMELDINGEN, UWV, VERZEKERAAR, DLQ}
    schemas = document["components"]["schemas"]
    assert set(schemas["Verzuimmelding"]["discriminator"]["mapping"]) == {
        "ziekmelding",
        "wijziging",
        "herstelmelding",
        "correctie",
        "intrekking",
    }
    assert "diagnose" not in json.dumps(schemas["VerzekeraarMelding"])


@pytest.mark.parametrize("name", ["Verzuimmelding", "UwvBericht", "VerzekeraarMelding"])
def test_published_message_schemas_are_valid(name):
    jsonschema.Draft202012Validator.check_schema(
        json.loads((SCHEMA_DIR / f"{name}.json").read_text())
    )


def test_the_published_verzuimmelding_schema_refuses_a_diagnosis():
    schema = json.loads((SCHEMA_DIR / "Verzuimmelding.json").read_text())
    start = {
        "bericht_id": "b1",
        "soort": "ziekmelding",
        "geldig_op": "2026-03-02",
        "werkgever_id": "acme",
        "werknemer_id": "wn1",
    }
    jsonschema.validate(start, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**start, "diagnose": "hernia"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**start, "soort": "verzuimgesprek"}, schema)
