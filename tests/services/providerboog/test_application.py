"""The providerboog application on its own: construct it, call its commands, read back what it
stored, and let it follow the werkgever and the bedrijfsarts, as the library's examples do."""

import pytest

from services.bedrijfsarts.application import BedrijfsartsApplication
from services.providerboog.application import ProviderboogApplication
from services.shared.errors import DomainRuleViolated
from services.werkgever.application import WerkgeverApplication
from tests.services.helpers import PROVIDER, datum, dossier, soorten, standalone, volg

SPECIFICATIE = "zes sessies cognitieve gedragstherapie"


@pytest.fixture
def providerboog(tmp_path) -> ProviderboogApplication:
    return standalone(ProviderboogApplication, tmp_path)


def test_a_provider_enters_the_catalogue_once(providerboog):
    registratie = {"geldig_op": datum(0).isoformat(), "provider_id": "praktijk", "naam": "Praktijk"}
    providerboog.execute(
        "registreer_provider", PROVIDER, None, {**registratie, "soort": "psycholoog"}
    )
    with pytest.raises(DomainRuleViolated, match="staat al in de catalogus"):
        providerboog.execute(
            "registreer_provider", PROVIDER, None, {**registratie, "soort": "mediator"}
        )
    provider = providerboog.provider("praktijk")
    assert (provider.naam, provider.soort) == ("Praktijk", "psycholoog")


def test_a_referral_of_the_bedrijfsarts_is_taken_up_and_invoiced_in_two_parts(
    providerboog, tmp_path
):
    werkgever = standalone(WerkgeverApplication, tmp_path)
    bedrijfsarts = standalone(BedrijfsartsApplication, tmp_path)
    dossier_id = dossier(werkgever).doe("ziekmelding").dossier_id
    volg(bedrijfsarts, werkgever)
    volg(providerboog, werkgever)
    dossier(bedrijfsarts, dossier_id=dossier_id).doe("verwijzing")
    volg(providerboog, bedrijfsarts)

    behandeling = dossier(providerboog, dossier_id=dossier_id)
    for stap in ("verwijzing_geaccepteerd", "interventie_gestart", "voortgangsrapportage"):
        behandeling.doe(stap)
    behandeling.doe("factuur", medische_specificatie=SPECIFICATIE)

    feiten = providerboog.history(dossier_id)
    assert soorten(feiten) == [
        "DossierGeopend",
        "VerwijzingOntvangen",
        "VerwijzingGeaccepteerd",
        "InterventieGestart",
        "VoortgangsrapportageIngediend",
        "FactuurIngediend",
        "FactuurspecificatieVastgelegd",
    ]
    ontvangen, factuur, specificatie = feiten[1], feiten[-2], feiten[-1]
    assert ontvangen.data["provider_id"] == PROVIDER.organisatie
    assert ontvangen.data["verwijzing_id"] == factuur.data["verwijzing_id"] == f"vw-{dossier_id}"
    assert (
        SPECIFICATIE not in str(factuur.data) and specificatie.data["specificatie"] == SPECIFICATIE
    )
    # The provider's reports and health details stay encrypted at rest.
    opgeslagen = b"".join(s.state for s in providerboog.stored_dossier_events(dossier_id))
    assert SPECIFICATIE.encode() not in opgeslagen
