"""UWV's verlenging, the loonsanctie with its bekorting, and bezwaar, on the uwv_submission
aggregate: the bounds of art. 24 and 25 WIA and the six weeks of art. 6:7 Awb."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from events import Actor, Rol
from events import uwv_submission as c
from events.gedeeld import DossierGeopend
from services.shared import clock
from services.shared.errors import DomainRuleViolated
from services.uwv_submission.domainmodel import UwvDossier

UWV = Actor(rol=Rol.UWV, persoon_id="uwv-1", organisatie="uwv")
WG = Actor(rol=Rol.WERKGEVER, persoon_id="hr-1", organisatie="acme")
WN = Actor(rol=Rol.WERKNEMER, persoon_id="wn-1", organisatie="acme")
EERSTE = date(2026, 1, 5)
WEEK_104 = EERSTE + timedelta(weeks=104)


def op(dag: date):
    return clock.frozen_at(datetime(dag.year, dag.month, dag.day, 9, tzinfo=UTC))


@pytest.fixture
def dossier() -> UwvDossier:
    """A dossier UWV knows of through the 42-weken melding."""
    with op(EERSTE):
        geopend = DossierGeopend(geldig_op=EERSTE, werknemer_id="wn-1", werkgever_id="acme")
        dossier = UwvDossier.open(uuid4(), "d1", geopend, WG)
    with op(EERSTE + timedelta(weeks=42)):
        dossier.record(c.Melding42WekenIngediend(geldig_op=clock.today(), kenmerk="m42"), WG)
    return dossier


def _indienen(dossier: UwvDossier, dag: date) -> None:
    with op(dag):
        for onderdeel in c.RIV_VERPLICHT:
            dossier.record(
                c.RivOnderdeelOntvangen(geldig_op=dag, onderdeel=onderdeel, bron_event_id="x"), WG
            )
        dossier.stel_riv_samen(c.RivSamengesteld(geldig_op=dag, onderdelen=[]), WG)
        dossier.dien_wia_aanvraag_in(c.WiaAanvraagIngediend(geldig_op=dag, kenmerk="w"), WN)


def test_verlenging_in_total_at_most_52_weeks(dossier):
    dag = EERSTE + timedelta(weeks=80)
    with op(dag):
        dossier.verleng_wachttijd(c.WachttijdVerlengd(geldig_op=dag, weken=40, kenmerk="v1"), UWV)
        with pytest.raises(DomainRuleViolated, match=r"hoogstens 52 weken.*56 weken"):
            dossier.verleng_wachttijd(
                c.WachttijdVerlengd(geldig_op=dag, weken=16, kenmerk="v2"), UWV
            )
        dossier.verleng_wachttijd(c.WachttijdVerlengd(geldig_op=dag, weken=12, kenmerk="v3"), UWV)
    assert dossier.verlenging_weken == 52


def test_verlenging_comes_before_the_wia_application(dossier):
    _indienen(dossier, EERSTE + timedelta(weeks=91))
    dag = EERSTE + timedelta(weeks=92)
    with op(dag), pytest.raises(DomainRuleViolated, match="gaat aan de WIA-aanvraag vooraf"):
        dossier.verleng_wachttijd(c.WachttijdVerlengd(geldig_op=dag, weken=4, kenmerk="v"), UWV)


def _toets(dag: date, tot: date) -> c.RivToetsUitkomst:
    return c.RivToetsUitkomst(
        geldig_op=dag, voldoende=False, loonsanctie_tot=tot, motivering="te weinig gedaan"
    )


def test_a_loonsanctie_never_shortens_the_waiting_period_nor_runs_for_years(dossier):
    dag = EERSTE + timedelta(weeks=95)
    with op(dag):
        with pytest.raises(DomainRuleViolated, match="zou de wachttijd bekorten"):
            dossier.registreer_riv_toets(_toets(dag, WEEK_104 - timedelta(days=1)), UWV)
        with pytest.raises(DomainRuleViolated, match="hoogstens 52 weken"):
            dossier.registreer_riv_toets(_toets(dag, date(2036, 1, 1)), UWV)
        dossier.registreer_riv_toets(_toets(dag, WEEK_104 + timedelta(weeks=52)), UWV)
    assert dossier.loonsanctie == (dag, WEEK_104 + timedelta(weeks=52))


def test_bekorting_ends_the_sanction_earlier_never_later(dossier):
    dag = EERSTE + timedelta(weeks=95)
    eind = WEEK_104 + timedelta(weeks=52)
    with op(dag):
        bekorting = c.LoonsanctieBekort(geldig_op=dag, eindigt_op=eind, kenmerk="b")
        with pytest.raises(DomainRuleViolated, match="geen loonsanctie om te bekorten"):
            dossier.bekort_loonsanctie(bekorting, UWV)
        dossier.registreer_riv_toets(_toets(dag, eind), UWV)
    later = WEEK_104 + timedelta(weeks=10)
    with op(later):
        te_laat = c.LoonsanctieBekort(
            geldig_op=later, eindigt_op=eind + timedelta(days=1), kenmerk="b"
        )
        with pytest.raises(DomainRuleViolated, match="een bekorting verlengt niet"):
            dossier.bekort_loonsanctie(te_laat, UWV)
        dossier.bekort_loonsanctie(
            c.LoonsanctieBekort(
                geldig_op=later, eindigt_op=later + timedelta(weeks=6), kenmerk="b"
            ),
            UWV,
        )
    assert dossier.loonsanctie == (dag, later + timedelta(weeks=6))


def test_bezwaar_within_six_weeks_and_only_by_a_party_to_the_decision(dossier):
    besluit = EERSTE + timedelta(weeks=95)
    with op(besluit):
        bezwaar = c.BezwaarIngediend(
            geldig_op=besluit, tegen=c.BezwaarTegen.WIA_BESLUIT, kenmerk="b"
        )
        with pytest.raises(DomainRuleViolated, match="geen besluit"):
            dossier.dien_bezwaar_in(bezwaar, WN)
        dossier.registreer_riv_toets(_toets(besluit, WEEK_104 + timedelta(weeks=20)), UWV)
    te_laat = besluit + timedelta(weeks=6, days=1)
    with op(te_laat):
        tegen_sanctie = c.BezwaarIngediend(
            geldig_op=te_laat, tegen=c.BezwaarTegen.LOONSANCTIE, kenmerk="b"
        )
        with pytest.raises(DomainRuleViolated, match=f"tot en met {besluit + timedelta(weeks=6)}"):
            dossier.dien_bezwaar_in(tegen_sanctie, WG)
    tijdig = besluit + timedelta(weeks=6)
    with op(tijdig):
        tegen_sanctie = c.BezwaarIngediend(
            geldig_op=tijdig, tegen=c.BezwaarTegen.LOONSANCTIE, kenmerk="b"
        )
        with pytest.raises(DomainRuleViolated, match="alleen die kan er bezwaar tegen maken"):
            dossier.dien_bezwaar_in(tegen_sanctie, WN)
        dossier.dien_bezwaar_in(tegen_sanctie, WG)
    assert type(dossier.collect_events()[-1]).__name__ == "BezwaarIngediend"
