"""The providerboog's aggregates on their own: construct one, call its command methods, and check
the facts it collects and the state they leave, as the eventsourcing library's examples do."""

from uuid import uuid4

import pytest

from events import providerboog as c
from events.gedeeld import DossierGeopend
from services.providerboog.domainmodel import Provider, ProviderDossier
from services.shared.errors import DomainRuleViolated
from tests.services.helpers import PROVIDER, WERKGEVER_ID, datum, soorten, vastgelegd_op

V = {"verwijzing_id": "v-1"}


def verwezen() -> ProviderDossier:
    """A dossier with the bedrijfsarts' referral v-1 to PROVIDER's practice, as the service
    records it when the referral reaches it."""
    opening = DossierGeopend(geldig_op=datum(0), werknemer_id="wn-1", werkgever_id=WERKGEVER_ID)
    ontvangen = c.VerwijzingOntvangen(
        geldig_op=datum(14), provider_id=PROVIDER.organisatie, vraagstelling="paniekklachten", **V
    )
    with vastgelegd_op(14):
        dossier = ProviderDossier.open(uuid4(), "d-1", opening, PROVIDER)
        dossier.record(ontvangen, PROVIDER)
    return dossier


def factuur(n: int) -> c.FactuurIngediend:
    return c.FactuurIngediend(
        geldig_op=datum(n), factuur_id=f"f-{n}", bedrag_centen=9600, omschrijving="sessies", **V
    )


def test_a_referral_goes_from_received_to_accepted_running_and_done():
    dossier = verwezen()
    assert dossier.verwijzingen == {"v-1": {"provider_id": "praktijk", "status": "ontvangen"}}
    with vastgelegd_op(70):
        dossier.accepteer(
            c.VerwijzingGeaccepteerd(geldig_op=datum(15), provider_id="praktijk", **V), PROVIDER
        )
        assert dossier.verwijzingen["v-1"]["status"] == "geaccepteerd"
        dossier.start_interventie(
            c.InterventieGestart(geldig_op=datum(20), omschrijving="zes sessies", **V), PROVIDER
        )
        dossier.rapporteer(
            c.VoortgangsrapportageIngediend(geldig_op=datum(40), rapportage="beter", **V), PROVIDER
        )
        assert dossier.verwijzingen["v-1"]["status"] == "lopend"
        dossier.rond_af(
            c.InterventieAfgerond(geldig_op=datum(70), resultaat="klaar", **V), PROVIDER
        )

    assert dossier.verwijzingen["v-1"]["status"] == "afgerond"
    feiten = dossier.collect_events()
    kopie = None
    for feit in feiten:
        kopie = feit.mutate(kopie)
    assert kopie.verwijzingen == dossier.verwijzingen and kopie.version == len(feiten)


def test_each_step_of_a_referral_needs_the_one_before_it():
    dossier = verwezen()
    with vastgelegd_op(70):
        with pytest.raises(DomainRuleViolated, match="niet aan anders gericht"):
            dossier.accepteer(
                c.VerwijzingGeaccepteerd(geldig_op=datum(15), provider_id="anders", **V), PROVIDER
            )
        with pytest.raises(DomainRuleViolated, match="v-1 is ontvangen, verwacht: geaccepteerd"):
            dossier.start_interventie(
                c.InterventieGestart(geldig_op=datum(20), omschrijving="x", **V), PROVIDER
            )
        with pytest.raises(DomainRuleViolated, match="v-1 is ontvangen, verwacht: lopend"):
            dossier.rond_af(
                c.InterventieAfgerond(geldig_op=datum(70), resultaat="x", **V), PROVIDER
            )
        with pytest.raises(DomainRuleViolated, match="v-2 is niet ontvangen"):
            dossier.rapporteer(
                c.VoortgangsrapportageIngediend(
                    geldig_op=datum(40), rapportage="x", verwijzing_id="v-2"
                ),
                PROVIDER,
            )
    assert soorten(dossier.collect_events()) == [
        "DossierGeopend",
        "VerwijzingOntvangen",
    ]


def test_an_invoice_needs_an_accepted_referral_and_keeps_health_details_apart():
    dossier = verwezen()
    specificatie = c.FactuurspecificatieVastgelegd(
        geldig_op=datum(60), factuur_id="f-60", specificatie="cgt"
    )
    with vastgelegd_op(61):
        with pytest.raises(
            DomainRuleViolated, match="verwacht: geaccepteerd of lopend of afgerond"
        ):
            dossier.factureer(factuur(60), specificatie, PROVIDER)
        dossier.accepteer(
            c.VerwijzingGeaccepteerd(geldig_op=datum(15), provider_id="praktijk", **V), PROVIDER
        )
        dossier.factureer(factuur(60), specificatie, PROVIDER)
        dossier.factureer(factuur(61), None, PROVIDER)

    feiten = dossier.collect_events()[-3:]
    assert [(type(e).__name__, e.classificatie) for e in feiten] == [
        ("FactuurIngediend", "administratief"),
        ("FactuurspecificatieVastgelegd", "medisch"),
        ("FactuurIngediend", "administratief"),
    ]
    assert "cgt" not in str(feiten[0].data)


def test_a_catalogue_entry_holds_a_name_and_a_kind_of_service():
    registratie = c.ProviderGeregistreerd(
        geldig_op=datum(0), provider_id="praktijk", naam="Praktijk", soort="psycholoog"
    )
    with vastgelegd_op(0):
        provider = Provider.open(uuid4(), None, registratie, PROVIDER)
    assert (provider.naam, provider.soort) == ("Praktijk", "psycholoog")
    (feit,) = provider.collect_events()
    assert feit.mutate(None).naam == "Praktijk"
