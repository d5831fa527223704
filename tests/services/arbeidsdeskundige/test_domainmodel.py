"""The arbeidsdeskundige's aggregate on its own: construct it, call its command methods, and check
the facts it collects and the state they leave, as the eventsourcing library's examples do."""

from uuid import uuid4

import pytest

from events import arbeidsdeskundige as c
from events.gedeeld import DossierGeopend
from services.arbeidsdeskundige.domainmodel import AdDossier
from services.shared.errors import DomainRuleViolated
from tests.services.helpers import ARBEIDSDESKUNDIGE, WERKGEVER_ID, datum, soorten, vastgelegd_op

RAPPORT = c.ArbeidsdeskundigRapportOpgeleverd(
    geldig_op=datum(340),
    conclusie="eigen werk passend",
    passend_eigen_werk=True,
    spoor2_advies=False,
)


def geopend() -> AdDossier:
    opening = DossierGeopend(geldig_op=datum(0), werknemer_id="wn-1", werkgever_id=WERKGEVER_ID)
    with vastgelegd_op(0):
        return AdDossier.open(uuid4(), "d-1", opening, ARBEIDSDESKUNDIGE)


def test_a_rapport_waits_for_the_bedrijfsarts_findings_an_adviesgesprek_does_not():
    dossier = geopend()
    with vastgelegd_op(340):
        with pytest.raises(DomainRuleViolated, match="eerst een FML/IZP of probleemanalyse"):
            dossier.lever_rapport_op(RAPPORT, ARBEIDSDESKUNDIGE)
        gesprek = c.AdviesgesprekGehouden(geldig_op=datum(20), verslag="mogelijkheden verkend")
        dossier.record(gesprek, ARBEIDSDESKUNDIGE)
        assert not dossier.heeft_belastbaarheid
        fml = c.BelastbaarheidOntvangen(geldig_op=datum(315), bron="FML", beperkingen=["tillen"])
        dossier.record(fml, ARBEIDSDESKUNDIGE)
        dossier.lever_rapport_op(RAPPORT, ARBEIDSDESKUNDIGE)

    feiten = dossier.collect_events()
    assert soorten(feiten) == [
        "DossierGeopend",
        "AdviesgesprekGehouden",
        "BelastbaarheidOntvangen",
        "ArbeidsdeskundigRapportOpgeleverd",
    ]
    assert [e.prev_hash for e in feiten[1:]] == [e.hash for e in feiten[:-1]]
    # The findings alone, replayed, are what allows the rapport.
    kopie = feiten[2].mutate(feiten[1].mutate(feiten[0].mutate(None)))
    assert (
        kopie.heeft_belastbaarheid
        and not feiten[1].mutate(feiten[0].mutate(None)).heeft_belastbaarheid
    )
