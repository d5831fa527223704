"""The arbeidsdeskundige application on its own: construct it, call its commands, read back what
it stored, and let it follow the werkgever and the bedrijfsarts, as the library's examples do."""

import pytest

from services.arbeidsdeskundige.application import ArbeidsdeskundigeApplication
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.shared.errors import DomainRuleViolated
from services.werkgever.application import WerkgeverApplication
from tests.services.helpers import datum, dossier, soorten, standalone, volg


@pytest.fixture
def diensten(tmp_path):
    """The werkgever, the bedrijfsarts following it, and the arbeidsdeskundige following both."""
    return (
        standalone(WerkgeverApplication, tmp_path),
        standalone(BedrijfsartsApplication, tmp_path),
        standalone(ArbeidsdeskundigeApplication, tmp_path),
    )


def test_the_bedrijfsarts_functional_findings_open_the_way_to_a_rapport(diensten):
    werkgever, bedrijfsarts, ad = diensten
    dossier_id = dossier(werkgever).doe("ziekmelding").dossier_id
    volg(bedrijfsarts, werkgever)
    volg(ad, werkgever, bedrijfsarts)
    opdracht = dossier(ad, dossier_id=dossier_id)
    opdracht.doe("ad_opdracht", datum(300))
    opdracht.doe("ad_adviesgesprek", datum(305))
    with pytest.raises(DomainRuleViolated, match="FML/IZP"):
        opdracht.doe("ad_rapport", datum(310))

    arts = dossier(bedrijfsarts, dossier_id=dossier_id)
    arts.doe("probleemanalyse", diagnose="CANARY-diagnose")
    arts.doe("belastbaarheid", datum(290), beperkingen=["tillen", "bukken"])
    volg(ad, bedrijfsarts)
    opdracht.doe("ad_rapport", datum(310))

    feiten = ad.history(dossier_id)
    assert soorten(feiten) == [
        "DossierGeopend",
        "OpdrachtOntvangen",
        "AdviesgesprekGehouden",
        "BelastbaarheidOntvangen",
        "BelastbaarheidOntvangen",
        "ArbeidsdeskundigRapportOpgeleverd",
    ]
    analyse, fml = (e.data for e in feiten[3:5])
    assert analyse == {
        "bron": "probleemanalyse",
        "beperkingen": ["Beperkt in tillen, bukken en langdurig staan"],
    }
    assert fml == {"bron": "FML", "beperkingen": ["tillen", "bukken"]}
    # The medical part of the analysis never reaches the arbeidsdeskundige.
    assert "CANARY-diagnose" not in str(feiten)
