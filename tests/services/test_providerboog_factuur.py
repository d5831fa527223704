"""A provider's invoice is split: the employer's part carries no health details."""

import json

from tests.services.helpers import BEDRIJFSARTS, PROVIDER, dag, events_of, meld_ziek

SPECIFICATIE = "acht sessies cognitieve gedragstherapie bij paniekklachten"


def _geaccepteerde_verwijzing(platform) -> str:
    dossier = meld_ziek(platform).dossier_id
    verwijzing = {"verwijzing_id": "v-1", "provider_id": "psy-1"}
    platform.execute(
        "verwijs_naar_provider",
        BEDRIJFSARTS,
        dossier,
        {"geldig_op": dag(14), "vraagstelling": "paniekklachten", **verwijzing},
    )
    platform.execute(
        "accepteer_verwijzing", PROVIDER, dossier, {"geldig_op": dag(15), **verwijzing}
    )
    return dossier


def _factuur(factuur_id: str, **velden) -> dict:
    return {
        "geldig_op": dag(60),
        "factuur_id": factuur_id,
        "verwijzing_id": "v-1",
        "bedrag_centen": 96000,
        "omschrijving": "begeleiding",
        **velden,
    }


def test_an_invoice_with_health_details_is_recorded_as_two_facts(platform):
    dossier = _geaccepteerde_verwijzing(platform)
    factuur = _factuur("f-1", medische_specificatie=SPECIFICATIE)
    ingediend, specificatie = platform.execute("dien_factuur_in", PROVIDER, dossier, factuur).events

    assert type(ingediend).__name__ == "FactuurIngediend"
    assert ingediend.classificatie == "administratief"
    assert ingediend.data == {
        "factuur_id": "f-1",
        "verwijzing_id": "v-1",
        "bedrag_centen": 96000,
        "omschrijving": "begeleiding",
    }
    assert type(specificatie).__name__ == "FactuurspecificatieVastgelegd"
    assert specificatie.classificatie == "medisch"
    assert specificatie.data == {"factuur_id": "f-1", "specificatie": SPECIFICATIE}
    stored = events_of(platform, dossier, "providerboog")[-2:]
    assert [(e.hash, e.data) for e in stored] == [
        (e.hash, e.data) for e in (ingediend, specificatie)
    ]
    assert all(
        SPECIFICATIE not in json.dumps(e.data) for e in events_of(platform, dossier, "werkgever")
    )


def test_an_invoice_without_health_details_is_one_fact(platform):
    dossier = _geaccepteerde_verwijzing(platform)
    (ingediend,) = platform.execute("dien_factuur_in", PROVIDER, dossier, _factuur("f-2")).events
    assert type(ingediend).__name__ == "FactuurIngediend"
