"""What every store must do, run against SQLite and PostgreSQL alike."""

from datetime import UTC, date, datetime

import pytest
from eventsourcing.persistence import IntegrityError

from events import werkgever as c
from services.shared.clock import frozen_at
from services.shared.errors import CommandRejected
from tests.services.helpers import (
    CASEMANAGER,
    WERKGEVER,
    dag,
    envelope,
    events_of,
    lever_probleemanalyse,
    meld_ziek,
    stored_counts,
)
from wvp.runtime import Platform

ZIEKMELDING_OM = datetime(2026, 1, 5, 9, 15, tzinfo=UTC)


def test_recorded_events_read_back_unchanged(platform):
    with frozen_at(ZIEKMELDING_OM):
        melding = meld_ziek(platform, telefoon="0612345678", verwachte_duur_dagen=10)
    dossier = melding.dossier_id
    analyse = lever_probleemanalyse(platform, dossier)
    recorded = melding.events + analyse.events

    stored = {(e.originator_id, e.originator_version): e for _, e in platform.history(dossier)}
    for event in recorded:
        assert envelope(stored[event.originator_id, event.originator_version]) == envelope(event)

    ziekmelding = stored[recorded[0].originator_id, 1]
    assert type(ziekmelding).__name__ == "ZiekmeldingGeregistreerd"
    assert ziekmelding.geldig_op == date(2026, 1, 5)
    assert ziekmelding.timestamp == ZIEKMELDING_OM
    assert ziekmelding.data["telefoon"] == "0612345678"
    assert ziekmelding.data["verwachte_duur_dagen"] == 10
    assert ziekmelding.actor == WERKGEVER.model_dump(mode="json")
    assert ziekmelding.classificatie == "administratief"
    assert ziekmelding.schema_version == c.ZiekmeldingGeregistreerd.versie
    assert ziekmelding.correlation_id == str(ziekmelding.originator_id)
    assert [e.classificatie for e in analyse.events] == ["functioneel", "medisch"]


def test_events_survive_a_restart(platform, store_env, platform_options):
    dossier = meld_ziek(platform).dossier_id
    lever_probleemanalyse(platform, dossier)
    platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(60)})
    before = [(name, envelope(e)) for name, e in platform.history(dossier)]
    counts = stored_counts(platform)
    platform.stop()

    restarted = Platform(store_env, **platform_options).start()
    try:
        assert [(name, envelope(e)) for name, e in restarted.history(dossier)] == before
        assert stored_counts(restarted) == counts
        # The restarted store goes on where it was: the next fact chains onto the last one.
        last = events_of(restarted, dossier, "werkgever")[-1]
        gesprek = {"geldig_op": dag(61), "onderwerp": "voortgang", "verslag": "terug aan het werk"}
        (nieuw,) = restarted.execute("leg_gesprek_vast", CASEMANAGER, dossier, gesprek).events
        assert (nieuw.originator_version, nieuw.prev_hash) == (
            last.originator_version + 1,
            last.hash,
        )
    finally:
        restarted.stop()


def test_recorded_time_comes_from_the_clock_and_differs_from_valid_time(platform):
    with frozen_at(ZIEKMELDING_OM):
        dossier = meld_ziek(platform).dossier_id
    vastgelegd_om = datetime(2026, 2, 20, 14, 30, tzinfo=UTC)
    with frozen_at(vastgelegd_om):
        # Reported on 20 February that the employee was back at work on 2 February.
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": "2026-02-02"})

    herstel = events_of(platform, dossier, "werkgever")[-1]
    assert type(herstel).__name__ == "HerstelmeldingGeregistreerd"
    assert herstel.timestamp == vastgelegd_om
    assert herstel.geldig_op == date(2026, 2, 2)
    assert herstel.timestamp.date() > herstel.geldig_op


def test_concurrent_copies_of_an_aggregate_cannot_both_be_saved(platform):
    dossier = meld_ziek(platform).dossier_id
    app = platform.werkgever
    first = app.repository.get(app.dossier_key(dossier))
    second = app.repository.get(app.dossier_key(dossier))

    first.record(
        c.CasemanagerAangesteld(geldig_op=dag(1), persoon_id="cm-1", naam="Ans"), WERKGEVER
    )
    app.save(first)
    counts = stored_counts(platform)
    second.record(
        c.CasemanagerAangesteld(geldig_op=dag(1), persoon_id="cm-2", naam="Bo"), WERKGEVER
    )
    with pytest.raises(IntegrityError):
        app.save(second)

    assert stored_counts(platform) == counts
    aangesteld = [e.data["naam"] for e in events_of(platform, dossier, "werkgever")[1:]]
    assert aangesteld == ["Ans"]


def test_the_ziekmelding_opens_every_services_part_of_the_dossier(platform):
    dossier = meld_ziek(platform, werknemer_id="wn-7").dossier_id
    ziekmelding = events_of(platform, dossier, "werkgever")[0]
    oorzaak = f"{ziekmelding.originator_id}/{ziekmelding.originator_version}"

    for service in ("bedrijfsarts", "arbeidsdeskundige", "providerboog", "uwv_submission"):
        (geopend,) = events_of(platform, dossier, service)
        assert type(geopend).__name__ == "DossierGeopend"
        assert geopend.causation_id == oorzaak
        assert geopend.correlation_id == ziekmelding.correlation_id
        assert geopend.dossier_id == dossier
        assert geopend.geldig_op == ziekmelding.geldig_op
        assert geopend.data == {"werknemer_id": "wn-7", "werkgever_id": "acme"}
        assert geopend.actor["rol"] == "systeem"


def test_an_unknown_dossier_is_refused(platform):
    with pytest.raises(CommandRejected, match="bestaat niet"):
        lever_probleemanalyse(platform, "geen-dossier")
    assert platform.history("geen-dossier") == []
