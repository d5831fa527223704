"""The relay's messages and the consumer's inbox, in one process on real SQLite stores."""

import json
from datetime import UTC, datetime

import pytest

from distributed import codec, dlq, topology
from distributed.consumer import Inbox
from distributed.relay import Relay
from distributed.sealing import Keyring
from events import Actor, Rol
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.shared import clock
from services.werkgever.application import WerkgeverApplication

WG = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba1", organisatie="arbo")
CANARY = "CANARY-wire-7f3a"


@pytest.fixture
def apps(tmp_path, keys):
    werkgever = WerkgeverApplication({"WVP_DATA_DIR": str(tmp_path / "wg")})
    bedrijfsarts = BedrijfsartsApplication({"WVP_DATA_DIR": str(tmp_path / "ba")})
    yield werkgever, bedrijfsarts
    werkgever.close()
    bedrijfsarts.close()


def keyring(keys, owner):
    return Keyring.load(str(keys), owner, str(keys / f"{owner}.key.pem"))


def ziekmelding(werkgever):
    fields = {"geldig_op": "2026-01-05", "werknemer_id": "wn1", "werkgever_id": "acme"}
    with clock.frozen_at(datetime(2026, 1, 5, 8, tzinfo=UTC)):
        return werkgever.execute("registreer_ziekmelding", WG, None, fields).dossier_id


def test_cloudevents_headers_and_resumable_position(apps, keys):
    werkgever, _ = apps
    dossier = ziekmelding(werkgever)
    relay = Relay(werkgever, keyring(keys, "werkgever"))
    messages = relay.pending()
    message = messages[0]  # then the employment's own facts, outside any dossier
    assert message.topic == "wvp.werkgever.events" and message.key == dossier.encode()
    h = message.headers
    assert h["ce_specversion"] == "1.0" and h["ce_subject"] == dossier
    assert h["ce_type"] == "nl.wvp.ZiekmeldingGeregistreerd.v1"
    assert h["ce_source"] == "urn:wvp:werkgever" and h["ce_classificatie"] == "administratief"
    assert h["ce_time"].startswith("2026-01-05T08:00") and h["ce_notificationid"] == "1"
    assert [m.headers["ce_notificationid"] for m in messages] == ["1", "2", "3"]
    relay.mark(messages)
    # A new relay over the same store (a restart) resumes after the recorded position.
    assert Relay(werkgever, keyring(keys, "werkgever")).pending() == []


def test_redelivered_message_is_applied_once(apps, keys):
    werkgever, bedrijfsarts = apps
    dossier = ziekmelding(werkgever)
    messages = Relay(werkgever, keyring(keys, "werkgever")).pending()
    inbox = Inbox(bedrijfsarts, keyring(keys, "bedrijfsarts"))
    deliveries = [("werkgever", m.stream, m.body, m.headers) for m in messages]
    assert [inbox.apply(*d) for d in deliveries] == [True, True, True]
    count = bedrijfsarts.recorder.max_notification_id()
    assert [inbox.apply(*d) for d in deliveries] == [False, False, False]
    assert bedrijfsarts.recorder.max_notification_id() == count
    assert [type(e).__name__ for e in bedrijfsarts.history(dossier)] == ["DossierGeopend"]


def test_a_re_driven_event_is_applied_once_by_the_follower_it_names(apps, keys):
    """The bedrijfsarts sent the ziekmelding to the DLQ and applied the facts behind it, so its
    stream position has passed the ziekmelding; re-driven for it, the ziekmelding is applied
    once, under a tracking record of its own. Another follower ignores it: it applied it."""
    werkgever, bedrijfsarts = apps
    dossier = ziekmelding(werkgever)
    messages = Relay(werkgever, keyring(keys, "werkgever")).pending()
    inbox = Inbox(bedrijfsarts, keyring(keys, "bedrijfsarts"))
    (opening, *behind) = [("werkgever", m.stream, m.body, m.headers) for m in messages]
    inbox.skip(*opening)  # as after it went to the DLQ: the position passes it
    assert inbox.positions()["werkgever"] == 1
    assert [inbox.apply(*d) for d in behind] == [True, True]
    assert bedrijfsarts.history(dossier) == []

    def re_driven(follower):
        return (*opening[:3], {**opening[3], dlq.REPLAYED_FROM: "0:7", dlq.REPLAYED_FOR: follower})

    assert inbox.apply(*re_driven("uwv_submission")) is False
    assert inbox.apply(*re_driven("bedrijfsarts")) is True
    assert inbox.apply(*re_driven("bedrijfsarts")) is False  # re-driven twice
    assert inbox.apply(*opening) is False  # the stream's own copy, redelivered
    assert [type(e).__name__ for e in bedrijfsarts.history(dossier)] == ["DossierGeopend"]


def test_a_message_that_does_not_decode_is_a_dead_letter(apps, keys):
    werkgever, bedrijfsarts = apps
    ziekmelding(werkgever)
    [message, *_] = Relay(werkgever, keyring(keys, "werkgever")).pending()
    inbox = Inbox(bedrijfsarts, keyring(keys, "bedrijfsarts"))
    for body, headers in ((b"\x00 geen feit", {}), (b"{geen json", message.headers)):
        with pytest.raises(dlq.DeadLetter) as refused:
            inbox.apply("werkgever", topology.EVENTS, body, headers)
        assert refused.value.reden == dlq.ONLEESBAAR
        inbox.skip("werkgever", topology.EVENTS, body, {**headers, "ce_notificationid": "99"})
    assert bedrijfsarts.recorder.max_notification_id() is None
    assert inbox.positions()["werkgever"] == 0  # an id in a message that does not decode


def test_medical_payload_is_sealed_for_entitled_recipients_only(apps, keys):
    werkgever, bedrijfsarts = apps
    dossier = ziekmelding(werkgever)
    for message in Relay(werkgever, keyring(keys, "werkgever")).pending():
        Inbox(bedrijfsarts, keyring(keys, "bedrijfsarts")).apply(
            "werkgever", message.stream, message.body, message.headers
        )
    fields = {"geldig_op": "2026-01-06", "medische_oorzaak": True, "toelichting": CANARY}
    bedrijfsarts.execute("geef_triage_oordeel", BA, dossier, fields)
    messages = Relay(bedrijfsarts, keyring(keys, "bedrijfsarts")).pending()
    [triage] = [m for m in messages if m.headers["ce_type"].startswith("nl.wvp.TriageOordeel")]
    assert triage.topic == "wvp.bedrijfsarts.medisch"
    assert CANARY.encode() not in triage.body
    assert sorted(json.loads(triage.body)["sealed"]["keys"]) == ["bedrijfsarts", "werkgever"]
    mapper = codec.wire_mapper()
    args = ("bedrijfsarts", topology.MEDISCH, triage.body, triage.headers, mapper)
    opened = codec.decode(*args, keyring(keys, "werkgever"))
    assert opened.complete and opened.event.data["toelichting"] == CANARY
    withheld = codec.decode(*args, keyring(keys, "uwv_submission"))
    assert not withheld.complete and withheld.event.data == {} and withheld.event.hash == ""
