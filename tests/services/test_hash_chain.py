"""The hash chain over each aggregate: it holds as stored, and names the place it was broken."""

import copy
from datetime import UTC, date, datetime

import pytest

from services.shared.chain import GENESIS, Breach, first_breach
from tests.services.helpers import (
    dossier,
    events_of,
    every_aggregate,
    meld_ziek,
    tamper_with_store,
    types_of,
    verleen_taakdelegatie,
)
from wvp.runtime import running

CONTENT = "content does not match its hash"
PREDECESSOR = "predecessor hash does not match"
MISSING = "an event is missing before this position"

# The scenario's steps that record them, each on its on-time day.
WERKGEVER_STAPPEN = (
    "ziekmelding",
    "casemanager_aangesteld",
    "probleemanalyse",
    "plan_van_aanpak",
    "herstel_1",
)
WERKGEVER_FEITEN = [
    "ZiekmeldingGeregistreerd",
    "CasemanagerAangesteld",
    "ProbleemanalyseOntvangen",
    "PlanVanAanpakVastgesteld",
    "HerstelmeldingGeregistreerd",
]


def _dossier_with_history(platform) -> str:
    """A dossier whose werkgever aggregate holds the five facts of `WERKGEVER_FEITEN`."""
    opgebouwd = dossier(platform, duur_dagen=60).op_tijd(*WERKGEVER_STAPPEN)
    assert types_of(platform, opgebouwd.dossier_id, "werkgever") == WERKGEVER_FEITEN
    return opgebouwd.dossier_id


def test_every_stored_aggregate_forms_an_unbroken_chain(platform):
    _dossier_with_history(platform)
    meld_ziek(platform, werknemer_id="wn-2")
    verleen_taakdelegatie(platform, ["triage"])

    aggregates = every_aggregate(platform)
    # Two dossiers in five services, two employments and one delegation.
    assert len(aggregates) == 2 * 5 + 2 + 1
    for events in aggregates.values():
        assert [e.originator_version for e in events] == list(range(1, len(events) + 1))
        assert [e.prev_hash for e in events] == [GENESIS] + [e.hash for e in events[:-1]]
        assert first_breach(events) is None


def _tampered(event, **changes):
    forged = copy.copy(event)
    for name, value in changes.items():
        object.__setattr__(forged, name, value)
    return forged


@pytest.mark.parametrize(
    ("position", "changes", "reason"),
    [
        (2, {"data": {"persoon_id": "cm-1", "naam": "Iemand Anders"}}, CONTENT),
        (3, {"geldig_op": date(2026, 2, 8)}, CONTENT),
        (3, {"timestamp": datetime(2026, 2, 9, tzinfo=UTC)}, CONTENT),
        (4, {"actor": {"rol": "bedrijfsarts", "persoon_id": "x", "organisatie": "y"}}, CONTENT),
        (5, {"prev_hash": GENESIS}, PREDECESSOR),
        (1, {"hash": "f" * 64}, CONTENT),
    ],
    ids=["data", "geldig_op", "timestamp", "actor", "prev_hash", "own-hash"],
)
def test_a_changed_copy_is_reported_where_it_was_changed(platform, position, changes, reason):
    events = events_of(platform, _dossier_with_history(platform), "werkgever")
    forged = list(events)
    forged[position - 1] = _tampered(events[position - 1], **changes)

    assert first_breach(events) is None
    breach = first_breach(forged)
    assert breach == Breach(position, type(events[position - 1]).__name__, reason)


@pytest.mark.parametrize("dropped", [1, 3, 4])
def test_a_dropped_event_is_reported_at_its_position(platform, dropped):
    events = events_of(platform, _dossier_with_history(platform), "werkgever")
    del events[dropped - 1]

    # The event now found at the gap is the one named.
    assert first_breach(events) == Breach(dropped, WERKGEVER_FEITEN[dropped], MISSING)


def _nieuwe_naam(state):
    state["data"]["naam"] = "Iemand Anders"


@pytest.mark.parametrize(("change", "reason"), [(_nieuwe_naam, CONTENT), (None, MISSING)])
def test_a_row_changed_in_the_database_is_reported_on_reading(platform, store_env, change, reason):
    dossier = _dossier_with_history(platform)
    aggregate = platform.werkgever.dossier_key(dossier)

    tamper_with_store(store_env, "werkgever", aggregate, 2, change)

    # A new reader of the store, as `wvp verify` is: a running platform keeps the facts it has
    # read (stored facts never change), so it would not read the edited row again.
    with running(store_env) as reader:
        events = events_of(reader, dossier, "werkgever")
    if change is not None:
        assert events[1].data["naam"] == "Iemand Anders"  # read back as edited
    assert first_breach(events) == Breach(2, type(events[1]).__name__, reason)
