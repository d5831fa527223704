"""Providers: the catalogue, a referral by the bedrijfsarts, and what a provider reports and
invoices (and what of that the werkgever gets to see)."""

from datetime import date

from pytest_bdd import given, then

from events import Actor, Rol
from features.steps.opdracht import Opdracht, registreer
from features.steps.taal import keuze, stap


@given(stap('provider "{provider}" staat als {soort} in de catalogus'))
def provider_in_catalogus(werk, provider, soort):
    actor = Actor(rol=Rol.PROVIDER, persoon_id=f"{provider}-admin", organisatie=provider)
    werk.personen[provider] = actor
    werk.doe(
        date(2026, 1, 1),
        actor,
        "registreer_provider",
        None,
        {"provider_id": provider, "naam": provider, "soort": keuze(soort)},
    )


# fmt: off
registreer(
    Opdracht("de bedrijfsarts", "verwijs_naar_provider",
             lambda p: {"verwijzing_id": "vw-1", "provider_id": p["provider"],
                        "vraagstelling": "CANARY-angst"},
             gegeven='de bedrijfsarts heeft "{wn}" op {datum:Datum} verwezen naar "{provider}"',
             dossier="wn"),
    Opdracht("de werkgever", "verwijs_naar_provider",
             lambda p: {"verwijzing_id": "vw-2", "provider_id": p["provider"],
                        "vraagstelling": "graag snel"},
             als='de werkgever op {datum:Datum} "{wn}" probeert te verwijzen naar "{provider}"',
             dossier="wn", probeer=True),
    Opdracht("{provider}", "accepteer_verwijzing",
             lambda p: {"verwijzing_id": "vw-1", "provider_id": p["provider"]},
             als='"{provider}" op {datum:Datum} de verwijzing accepteert', probeer=True),
    Opdracht("{provider}", "start_interventie",
             {"verwijzing_id": "vw-1", "omschrijving": "kortdurende behandeling"},
             als='"{provider}" op {datum:Datum} de interventie start', probeer=True),
    Opdracht("{provider}", "dien_voortgangsrapportage_in",
             lambda p: {"verwijzing_id": "vw-1", "rapportage": p["tekst"]},
             als='"{provider}" op {datum:Datum} een voortgangsrapportage indient met "{tekst}"'),
    Opdracht("{provider}", "dien_factuur_in",
             lambda p: {"factuur_id": "f-1", "verwijzing_id": "vw-1",
                        "bedrag_centen": p["euro"] * 100, "omschrijving": "begeleiding",
                        "medische_specificatie": p["specificatie"]},
             als='"{provider}" op {datum:Datum} een factuur van {euro:d} euro indient met '
             'specificatie "{specificatie}"'),
)
# fmt: on


@then(stap("ziet de werkgever een factuur van {euro:d} euro"))
def werkgever_ziet_factuur(werk, euro):
    werk.bekijk(werk.hr)
    facturen = [e for e in werk.zicht if e["type"] == "FactuurIngediend"]
    assert [f["payload"]["bedrag_centen"] for f in facturen] == [euro * 100]


@then(stap('ziet de werkgever niets van "{inhoud}"'))
def werkgever_ziet_niets_van(werk, inhoud):
    werk.bekijk(werk.hr)
    assert werk.zicht
    assert not werk.zag(lambda soort, data: inhoud in data)


@then(stap('ziet de bedrijfsarts "{a}" en "{b}"'))
def bedrijfsarts_ziet(werk, a, b):
    werk.bekijk(werk.bedrijfsarts)
    assert werk.zag(lambda soort, data: a in data)
    assert werk.zag(lambda soort, data: b in data)
