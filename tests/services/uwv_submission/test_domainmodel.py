"""The uwv_submission aggregate on its own: construct it, call its command methods, and check the
facts it collects and the state they leave, as the eventsourcing library's examples do. The
verlenging, loonsanctie and bezwaar rules are in tests/services/test_wachttijd_en_bezwaar.py."""

from uuid import uuid4

import pytest

from events import uwv_submission as c
from events.gedeeld import DossierGeopend
from services.shared.errors import DomainRuleViolated, RivIncomplete
from services.uwv_submission.domainmodel import UwvDossier
from tests.services.helpers import CASEMANAGER, UWV, WERKGEVER_ID, datum, soorten, vastgelegd_op

VERPLICHT = [o.value for o in c.RIV_VERPLICHT]
RIV = c.RivSamengesteld(geldig_op=datum(625), onderdelen=c.RIV_VERPLICHT)
AANVRAAG = c.WiaAanvraagIngediend(geldig_op=datum(640), kenmerk="WIA-1")


def geopend() -> UwvDossier:
    opening = DossierGeopend(geldig_op=datum(0), werknemer_id="wn-1", werkgever_id=WERKGEVER_ID)
    with vastgelegd_op(0):
        return UwvDossier.open(uuid4(), "d-1", opening, CASEMANAGER)


def onderdeel(o: c.RivOnderdeel) -> c.RivOnderdeelOntvangen:
    return c.RivOnderdeelOntvangen(geldig_op=datum(600), onderdeel=o, bron_event_id="x/1")


def test_a_riv_is_composed_only_of_every_required_part_and_precedes_the_wia_application():
    dossier = geopend()
    assert dossier.riv_ontbrekend == VERPLICHT
    with vastgelegd_op(640):
        with pytest.raises(DomainRuleViolated, match="eerst een samengesteld RIV"):
            dossier.dien_wia_aanvraag_in(AANVRAAG, CASEMANAGER)
        for o in c.RIV_VERPLICHT[:-1]:
            dossier.record(onderdeel(o), CASEMANAGER)
        with pytest.raises(RivIncomplete) as onvolledig:
            dossier.stel_riv_samen(RIV, CASEMANAGER)
        assert onvolledig.value.missing == ["zienswijze_werknemer"]
        dossier.record(onderdeel(c.RivOnderdeel.ZIENSWIJZE_WERKNEMER), CASEMANAGER)
        dossier.stel_riv_samen(RIV, CASEMANAGER)
        dossier.dien_wia_aanvraag_in(AANVRAAG, CASEMANAGER)

    assert dossier.riv_ontbrekend == [] and dossier.riv_samengesteld and dossier.wia_aangevraagd
    feiten = dossier.collect_events()
    assert soorten(feiten[-2:]) == ["RivSamengesteld", "WiaAanvraagIngediend"]
    kopie = None
    for feit in feiten:
        kopie = feit.mutate(kopie)
    assert (kopie.riv_onderdelen, kopie.wia_aangevraagd) == (set(VERPLICHT), True)


def test_uwv_acts_on_a_dossier_only_after_the_42_weken_melding():
    dossier = geopend()
    besluit = c.WiaBesluitOntvangen(
        geldig_op=datum(700), uitkomst="WGA", arbeidsongeschiktheid_percentage=60
    )
    with vastgelegd_op(700):
        with pytest.raises(DomainRuleViolated, match="42-weken melding ontbreekt"):
            dossier.vereis_melding_42_weken(besluit, UWV)
        dossier.record(c.Melding42WekenIngediend(geldig_op=datum(287), kenmerk="42W"), CASEMANAGER)
        dossier.vereis_melding_42_weken(besluit, UWV)

    assert soorten(dossier.collect_events()[1:]) == [
        "Melding42WekenIngediend",
        "WiaBesluitOntvangen",
    ]
    assert dossier.melding_42_weken
