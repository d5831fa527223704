"""Process rules of the Wet verbetering poortwachter: a refused command stores nothing anywhere."""

from datetime import UTC, datetime

import pytest

from events import ContractViolation
from events.uwv_submission import RIV_VERPLICHT
from services.shared import clock
from services.shared.errors import DomainRuleViolated, RivIncomplete
from tests.services.helpers import (
    BEDRIJFSARTS,
    CASEMANAGER,
    WERKGEVER,
    dag,
    datum,
    dossier,
    meld_ziek,
    refused,
    types_of,
    vastgelegd_op,
    verleen_taakdelegatie,
)


def test_a_ziekmelding_may_not_carry_a_diagnosis(platform):
    with refused(platform, ContractViolation, "diagnose", "niet toegestaan") as raised:
        meld_ziek(platform, diagnose="burn-out")
    assert raised.value.problems == ["diagnose: dit veld is niet toegestaan"]


def test_herstel_cannot_lie_before_the_ziekmelding(platform):
    dossier = meld_ziek(platform).dossier_id
    with refused(platform, DomainRuleViolated, "herstel", "voor de ziekmelding"):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(-1)})


def test_a_recovered_employee_cannot_recover_again(platform):
    dossier = meld_ziek(platform).dossier_id
    platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(10)})
    with refused(platform, DomainRuleViolated, "al hersteld", "2026-01-15"):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(12)})


def test_one_employment_has_at_most_one_open_ziekmelding(platform):
    dossier = meld_ziek(platform).dossier_id
    with refused(platform, DomainRuleViolated, "er loopt al een ziekmelding", dossier):
        meld_ziek(platform, op=dag(3))
    # Another employee of the same employer may fall ill meanwhile.
    assert meld_ziek(platform, werknemer_id="wn-2", op=dag(3)).dossier_id != dossier


def test_a_plan_van_aanpak_needs_the_bedrijfsarts_first(platform):
    medisch = dossier(platform)
    medisch.doe("ziekmelding")
    with refused(platform, DomainRuleViolated, "plan van aanpak", "probleemanalyse"):
        medisch.doe("plan_van_aanpak")
    medisch.doe("triage_oordeel")  # a medical cause
    with refused(platform, DomainRuleViolated, "probleemanalyse"):
        medisch.doe("plan_van_aanpak")

    # The bedrijfsarts judges the cause not medical: the plan may follow without probleemanalyse.
    niet_medisch = dossier(platform, werknemer_id="wn-2")
    niet_medisch.doe("ziekmelding")
    niet_medisch.doe("triage_oordeel", medische_oorzaak=False, toelichting="conflict")
    niet_medisch.doe("plan_van_aanpak")
    assert types_of(platform, niet_medisch.dossier_id, "werkgever")[-2:] == [
        "TriageUitkomstOntvangen",
        "PlanVanAanpakVastgesteld",
    ]


def test_an_arbeidsdeskundig_rapport_needs_the_bedrijfsarts_findings(platform):
    ad = dossier(platform)
    ad.doe("ziekmelding")
    with refused(platform, DomainRuleViolated, "arbeidsdeskundig rapport", "FML/IZP"):
        ad.doe("ad_rapport", datum(300))

    ad.doe("ad_adviesgesprek", datum(20))  # any time, also long before the bedrijfsarts' findings
    ad.doe("belastbaarheid", datum(290))
    ad.doe("ad_rapport", datum(300))
    assert types_of(platform, ad.dossier_id, "arbeidsdeskundige") == [
        "DossierGeopend",
        "AdviesgesprekGehouden",
        "BelastbaarheidOntvangen",
        "ArbeidsdeskundigRapportOpgeleverd",
    ]


def test_medical_information_needs_the_employees_standing_consent(platform):
    dossier = meld_ziek(platform).dossier_id
    verzoek = {
        "geldig_op": dag(10),
        "toestemming_id": "t-1",
        "behandelaar": "huisarts",
        "vraag": "behandelplan",
    }
    with refused(platform, DomainRuleViolated, "toestemming", "t-1"):
        platform.execute("vraag_medische_informatie_op", BEDRIJFSARTS, dossier, verzoek)

    toestemming = {"geldig_op": dag(9), "toestemming_id": "t-1", "behandelaar": "huisarts"}
    toestemming["doel"] = "beoordeling belastbaarheid"
    platform.execute("registreer_toestemming", BEDRIJFSARTS, dossier, toestemming)
    platform.execute("vraag_medische_informatie_op", BEDRIJFSARTS, dossier, verzoek)

    intrekking = {"geldig_op": dag(11), "toestemming_id": "t-1"}
    platform.execute("trek_toestemming_in", BEDRIJFSARTS, dossier, intrekking)
    with refused(platform, DomainRuleViolated, "toestemming", "ingetrokken"):
        platform.execute("vraag_medische_informatie_op", BEDRIJFSARTS, dossier, verzoek)


# The scenario's step that makes up each part of the RIV, in its own service.
RIV_STAPPEN = {
    "probleemanalyse": "probleemanalyse",
    "plan_van_aanpak": "plan_van_aanpak",
    "eerstejaarsevaluatie": "eerstejaarsevaluatie",
    "eindevaluatie": "eindevaluatie",
    "actueel_oordeel": "actueel_oordeel",
    "medisch_deel": "medisch_deel_riv",
    "zienswijze_werknemer": "zienswijze",
}


def test_a_riv_names_exactly_the_parts_it_still_misses(platform):
    """Each part is made by its own step on its on-time day, in its own service."""
    riv = dossier(platform).op_tijd("ziekmelding")
    verplicht = [o.value for o in RIV_VERPLICHT]
    with refused(platform, RivIncomplete, "RIV onvolledig", *verplicht) as raised:
        riv.op_tijd("riv_samengesteld")
    assert raised.value.missing == verplicht

    aanwezig = ["probleemanalyse", "plan_van_aanpak", "eindevaluatie", "zienswijze_werknemer"]
    riv.op_tijd(*(RIV_STAPPEN[onderdeel] for onderdeel in aanwezig))
    ontbrekend = ["eerstejaarsevaluatie", "actueel_oordeel", "medisch_deel"]
    with refused(platform, RivIncomplete, *ontbrekend) as raised:
        riv.op_tijd("riv_samengesteld")
    assert raised.value.missing == ontbrekend
    assert not any(onderdeel in str(raised.value) for onderdeel in aanwezig)
    assert platform.uwv.riv_status(riv.dossier_id)["ontbrekend"] == ontbrekend

    riv.op_tijd(*(RIV_STAPPEN[onderdeel] for onderdeel in ontbrekend), "riv_samengesteld")
    assert types_of(platform, riv.dossier_id, "uwv_submission")[-1] == "RivSamengesteld"


@pytest.mark.parametrize("voorbehouden", ["oordeel", "rie_toetsing"])
def test_the_bedrijfsarts_cannot_delegate_a_judgement(platform, voorbehouden):
    with refused(platform, ContractViolation, "niet delegeerbaar", voorbehouden) as raised:
        verleen_taakdelegatie(platform, ["triage", voorbehouden])
    assert "value error" not in str(raised.value).lower()  # Dutch only, see events/contract.py

    verleen_taakdelegatie(platform, ["triage", "werknemer_oproepen"])
    assert platform.bedrijfsarts.delegatie("del-1").taken == ["triage", "werknemer_oproepen"]


UWV_UITKOMSTEN = {
    "registreer_ontvangstbevestiging": {"kenmerk": "UWV-1"},
    "stel_uwv_in_gebreke": {},
    "registreer_riv_toets": {"voldoende": True, "motivering": "inspanningen voldoende"},
    "registreer_wia_besluit": {"uitkomst": "WGA", "arbeidsongeschiktheid_percentage": 50},
}


def test_uwv_outcomes_need_the_42_weken_melding_first(platform):
    dossier = meld_ziek(platform).dossier_id
    for command, velden in UWV_UITKOMSTEN.items():
        weigering = refused(platform, DomainRuleViolated, "42-weken melding", "ontbreekt")
        with weigering, vastgelegd_op(700):
            platform.execute(command, CASEMANAGER, dossier, {"geldig_op": dag(700), **velden})

    melding = {"geldig_op": dag(287), "kenmerk": "42W-1"}
    platform.execute("dien_melding_42_weken_in", CASEMANAGER, dossier, melding)
    for command, velden in UWV_UITKOMSTEN.items():
        with vastgelegd_op(700):
            platform.execute(command, CASEMANAGER, dossier, {"geldig_op": dag(700), **velden})
    assert types_of(platform, dossier, "uwv_submission")[-4:] == [
        "OntvangstbevestigingUwv",
        "UwvInGebrekeGesteld",
        "RivToetsUitkomst",
        "WiaBesluitOntvangen",
    ]


def test_a_proposed_dossier_id_is_used_once(platform):
    velden = {"geldig_op": dag(0), "werkgever_id": WERKGEVER.organisatie}
    eerste = platform.execute(
        "registreer_ziekmelding", WERKGEVER, "d-voorgesteld", {**velden, "werknemer_id": "wn-a"}
    )
    assert eerste.dossier_id == "d-voorgesteld"
    with refused(platform, DomainRuleViolated, "d-voorgesteld", "bestaat al"):
        platform.execute(
            "registreer_ziekmelding", WERKGEVER, "d-voorgesteld", {**velden, "werknemer_id": "wn-b"}
        )


def test_a_fact_may_not_be_dated_after_the_dutch_day_it_is_recorded(platform):
    """Valid time may lie before the recording day (a backdated herstel), never after it; the
    day is the Dutch day, so at 23:30 UTC on 1 March it is already 2 March."""
    with vastgelegd_op(10):
        dossier = meld_ziek(platform).dossier_id
        morgen = {"geldig_op": dag(11), "samenvatting": "x"}
        with refused(platform, DomainRuleViolated, dag(11), dag(10), "ligt na de dag van"):
            platform.execute("leg_voortgang_vast", CASEMANAGER, dossier, morgen)
    velden = {"geldig_op": "2026-03-02", "samenvatting": "laat op de avond"}
    avond = clock.frozen_at(datetime(2026, 3, 1, 22, 30, tzinfo=UTC))  # 23:30 on 1 March there
    with avond, refused(platform, DomainRuleViolated, "2026-03-02", "2026-03-01"):
        platform.execute("leg_voortgang_vast", CASEMANAGER, dossier, velden)
    with clock.frozen_at(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)):  # 00:30 on 2 March there
        platform.execute("leg_voortgang_vast", CASEMANAGER, dossier, velden)
