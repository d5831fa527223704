"""A provider's invoice is split: the employer's part carries no health details."""

import json

from tests.services.helpers import dossier, events_of

SPECIFICATIE = "acht sessies cognitieve gedragstherapie bij paniekklachten"


def _geaccepteerde_verwijzing(platform):
    """A dossier walked up to the provider's acceptance of the bedrijfsarts' referral."""
    return dossier(platform).tot_en_met("verwijzing_geaccepteerd")


def test_an_invoice_with_health_details_is_recorded_as_two_facts(platform):
    verwezen = _geaccepteerde_verwijzing(platform)
    factuur = {"factuur_id": "f-1", "bedrag_centen": 96000, "omschrijving": "begeleiding"}
    result = verwezen.doe("factuur", medische_specificatie=SPECIFICATIE, **factuur)
    ingediend, specificatie = result.events

    assert type(ingediend).__name__ == "FactuurIngediend"
    assert ingediend.classificatie == "administratief"
    assert ingediend.data == {**factuur, "verwijzing_id": f"vw-{verwezen.dossier_id}"}
    assert type(specificatie).__name__ == "FactuurspecificatieVastgelegd"
    assert specificatie.classificatie == "medisch"
    assert specificatie.data == {"factuur_id": "f-1", "specificatie": SPECIFICATIE}
    stored = events_of(platform, verwezen.dossier_id, "providerboog")[-2:]
    assert [(e.hash, e.data) for e in stored] == [
        (e.hash, e.data) for e in (ingediend, specificatie)
    ]
    werkgever = events_of(platform, verwezen.dossier_id, "werkgever")
    assert all(SPECIFICATIE not in json.dumps(e.data) for e in werkgever)


def test_an_invoice_without_health_details_is_one_fact(platform):
    verwezen = _geaccepteerde_verwijzing(platform)
    (ingediend,) = verwezen.doe("factuur", medische_specificatie=None).events
    assert type(ingediend).__name__ == "FactuurIngediend"
