"""Tamper evidence on SQLite and PostgreSQL: edit or delete stored rows behind the platform's back
and expect the exact first broken link; an untouched store verifies clean."""

import json

from compliance.verify import Breach, anchor_of, load_anchor, verify
from services.shared.aggregate import aggregate_id
from tests.compliance.conftest import build
from tests.services.helpers import tamper_with_store


def _werkgever_chain(dossier_id: str):
    return aggregate_id("werkgever", dossier_id)


def test_untouched_store_verifies_clean(platform):
    dossier_id = build(platform)
    whole = verify(platform)
    one = verify(platform, dossier_id)
    assert whole.ok and one.ok
    assert whole.first is None
    # The dossier has a chain in each of the five services; the store holds more (employment).
    assert {h.service for h in one.heads} == {s.name for s in platform.services}
    assert all(h.dossier_id == dossier_id for h in one.heads)
    assert one.events == len(platform.history(dossier_id))
    assert whole.aggregates > one.aggregates
    assert verify(platform).digest == whole.digest


def test_an_edited_row_is_reported_exactly(platform, store_env):
    dossier_id = build(platform)
    chain = _werkgever_chain(dossier_id)

    def change(state):
        state["data"]["verzuimpercentage"] = 40  # the stored row of the 80% change (version 5)

    tamper_with_store(store_env, "werkgever", chain, 5, change)
    expected = Breach(
        "werkgever",
        str(chain),
        dossier_id,
        5,
        "VerzuimpercentageGewijzigd",
        "content does not match its hash",
    )
    assert verify(platform, dossier_id).breaches == [expected]
    assert verify(platform).breaches == [expected]
    assert str(expected).startswith(f"werkgever: dossier {dossier_id}")


def test_a_deleted_row_inside_a_chain_is_reported(platform, store_env):
    dossier_id = build(platform)
    chain = aggregate_id("bedrijfsarts", dossier_id)  # encrypted at rest: deletion still shows
    tamper_with_store(store_env, "bedrijfsarts", chain, 2)
    report = verify(platform, dossier_id)
    assert report.breaches == [
        Breach(
            "bedrijfsarts",
            str(chain),
            dossier_id,
            2,
            "MedischeProbleemanalyseVastgelegd",
            "an event is missing before this position",
        )
    ]
    assert {h.service for h in report.heads} == {"werkgever", "arbeidsdeskundige",
                                                  "providerboog", "uwv_submission"}  # fmt: skip


def test_unreadable_row_is_reported(platform, store_env):
    dossier_id = build(platform)
    chain = _werkgever_chain(dossier_id)

    def change(state):
        state["geldig_op"] = {"_type_": "date_iso", "_data_": "geen datum"}  # cannot decode

    tamper_with_store(store_env, "werkgever", chain, 2, change)
    (breach,) = verify(platform, dossier_id).breaches
    assert (breach.service, breach.position, breach.event_type, breach.reason) == (
        "werkgever",
        2,
        "CasemanagerAangesteld",
        "the stored event cannot be decoded (edited or corrupted)",
    )


def test_deleting_the_last_events_needs_the_anchor(platform, store_env, tmp_path):
    dossier_id = build(platform)
    before = verify(platform, dossier_id)
    saved = tmp_path / "verify.json"
    saved.write_text(json.dumps(before.to_dict()))
    chain = _werkgever_chain(dossier_id)
    last = next(h for h in before.heads if h.service == "werkgever").version
    tamper_with_store(store_env, "werkgever", chain, last)  # the backdated herstelmelding

    shorter = verify(platform, dossier_id)
    assert shorter.ok, "a truncated chain is still whole by itself"
    assert shorter.digest != before.digest
    anchored = verify(platform, dossier_id, load_anchor(saved))
    assert anchored.breaches == [
        Breach(
            "werkgever",
            str(chain),
            dossier_id,
            last,
            "(verwijderd)",
            f"removed from here on (anchored head: version {last})",
        )
    ]
    # Growth since the anchor is fine: a new fact appended elsewhere changes nothing.
    assert verify(
        platform, anchor=anchor_of(h for h in before.heads if h.service != "werkgever")
    ).ok
