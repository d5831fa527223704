"""The process walker: the canonical 104-week dossier, and late or missed steps."""

import importlib
from dataclasses import replace
from datetime import date, timedelta

import pytest

from poortwachter.feiten import feiten_uit_historie
from poortwachter.kalender import RIJEN, Telling, kalender, termijn, week, werkdag_na
from wvp.scenario import (
    OP_TERMIJN,
    PROBLEEMANALYSE,
    Casus,
    DossierBuilder,
    StapPlan,
    Verloop,
    betrokkenen,
    canonical_case,
    plan_stappen,
    rooster,
    stappen,
    walk,
)

VERWACHT = {
    "werkgever": {
        "ZiekmeldingGeregistreerd",
        "ZiekmeldingSamengeteld",
        "HerstelmeldingGeregistreerd",
        "CasemanagerAangesteld",
        "BedrijfsartsToegewezen",
        "ArbeidsdeskundigeToegewezen",
        "VerzekeraarGeinformeerd",
        "TriageUitkomstOntvangen",
        "ProbleemanalyseOntvangen",
        "GesprekGevoerd",
        "PlanVanAanpakVastgesteld",
        "PlanVanAanpakBijgesteld",
        "VoortgangVastgelegd",
        "VerzuimpercentageGewijzigd",
        "DeskundigenoordeelAangevraagd",
        "EerstejaarsevaluatieVastgelegd",
        "Spoor2Gestart",
        "EindevaluatieVastgelegd",
        "ZienswijzeWerknemerVastgelegd",
    },
    "bedrijfsarts": {
        "DossierGeopend",
        "ScreeningUitgevoerd",
        "TriageInformatieVastgelegd",
        "TriageOordeelGegeven",
        "OordeelGerapporteerd",
        "ToestemmingGegeven",
        "MedischeInformatieOpgevraagd",
        "WerknemerOpgeroepen",
        "ConsultGehouden",
        "ProbleemanalyseOpgeleverd",
        "MedischeProbleemanalyseVastgelegd",
        "VerwezenNaarProvider",
        "BelastbaarheidVastgesteld",
        "HerstelprognoseAfgegeven",
        "ActueelOordeelGegeven",
        "MedischDeelRivOverhandigd",
    },
    "arbeidsdeskundige": {
        "DossierGeopend",
        "BelastbaarheidOntvangen",
        "OpdrachtOntvangen",
        "AdviesgesprekGehouden",
        "ArbeidsdeskundigRapportOpgeleverd",
    },
    "providerboog": {
        "DossierGeopend",
        "VerwijzingOntvangen",
        "VerwijzingGeaccepteerd",
        "InterventieGestart",
        "VoortgangsrapportageIngediend",
        "InterventieAfgerond",
        "FactuurIngediend",
        "FactuurspecificatieVastgelegd",
    },
    "uwv_submission": {
        "DossierGeopend",
        "RivOnderdeelOntvangen",
        "Melding42WekenIngediend",
        "UwvBriefOntvangen",
        "WiaAanvraagformulierOntvangen",
        "RivSamengesteld",
        "WiaAanvraagIngediend",
        "OntvangstbevestigingUwv",
        "RivToetsUitkomst",
        "WiaBesluitOntvangen",
    },
}


def test_canonical_case_records_every_step_of_the_process(platform):
    casus = canonical_case()
    planning = walk(platform, casus)
    historie = platform.history(casus.dossier_id)

    gezien: dict[str, set[str]] = {}
    for dienst, event in historie:
        gezien.setdefault(dienst, set()).add(type(event).__name__)
    for dienst, types in VERWACHT.items():
        assert types <= gezien.get(dienst, set()), (dienst, types - gezien.get(dienst, set()))
    assert planning.gemist == [] and planning.te_laat == []

    # Recorded time follows valid time; the herstel was recorded five days after it took effect.
    for _, event in historie:
        assert event.timestamp.date() >= event.geldig_op
    herstel = next(e for _, e in historie if type(e).__name__ == "HerstelmeldingGeregistreerd")
    assert herstel.timestamp.date() - herstel.geldig_op == timedelta(days=5)

    # The acting bedrijfsarts is the assigned one; HR acts for its own employer.
    b = casus.betrokkenen
    for _, event in historie:
        if event.actor["rol"] == "bedrijfsarts":
            assert event.actor["persoon_id"] == b.bedrijfsarts.persoon_id
        if event.actor["rol"] == "werkgever":
            assert event.actor["organisatie"] == b.werkgever_id

    # Every deadline of the poortwachter calendar was met, also long after the waiting period,
    # and every legal deadline of domain.md §5 was met by doing the step, not by lapsing.
    feiten = feiten_uit_historie(historie)
    einde = max(e.geldig_op for _, e in historie)
    for peildatum in (einde, einde + timedelta(days=365)):
        rijen = kalender(feiten, peildatum)
        assert {r.code for r in rijen} == {r.code for r in RIJEN}
        statussen = {v.code: v.status.value for v in rijen}
        assert not [c for c, s in statussen.items() if s in ("te_laat", "verlopen")], statussen
        assert all(v.status.value == "op_tijd" for v in rijen if v.wettelijk), statussen

    # Each step a row checks came its margin before that row's due date, counted in this case's
    # sick days (the relapse after the first spell moved everything after it): the schedule is
    # the calendar's. The 42-weken melding falls due on a working day, so perhaps later.
    telling = Telling(feiten.periodes)
    vervalt = {v.code: v.uiterlijk for v in kalender(feiten, einde)}
    gedaan = {g.stap.code: g.geldig_op for g in planning.stappen}
    gemeten = {**OP_TERMIJN, "probleemanalyse": PROBLEEMANALYSE[True]}
    for stap, (rij, marge) in {**gemeten, "plan_van_aanpak": ("plan_van_aanpak", 0)}.items():
        speling = telling.nummer(vervalt[rij]) - telling.nummer(gedaan[stap])
        assert speling == marge or (rij == "melding_42_weken" and speling > marge), stap


def test_late_and_missed_steps_show_in_the_calendar(platform):
    casus = Casus(
        betrokkenen=betrokkenen("wg-laat", "wn-laat"),
        eerste_ziektedag=date(2024, 3, 4),
        duur_dagen=400,
        plan={
            "plan_van_aanpak": StapPlan(dagen_te_laat=20),
            "melding_42_weken": StapPlan(gedaan=False),
        },
    )
    planning = walk(platform, casus)
    assert planning.te_laat == ["plan_van_aanpak"]
    assert planning.gemist == ["melding_42_weken"]

    historie = platform.history(casus.dossier_id)
    soorten = [type(e).__name__ for _, e in historie]
    assert "Melding42WekenIngediend" not in soorten
    assert soorten.count("HerstelmeldingGeregistreerd") == 1
    statussen = {
        v.code: v.status.value for v in kalender(feiten_uit_historie(historie), date(2025, 3, 1))
    }
    assert statussen["plan_van_aanpak"] == "te_laat"
    assert statussen["melding_42_weken"] == "verlopen"


def test_a_horizon_stops_the_walk_and_gaps_between_spells_defer_steps():
    casus = Casus(
        betrokkenen=betrokkenen("wg-h", "wn-h"),
        eerste_ziektedag=date(2024, 1, 1),
        duur_dagen=4,
        herhalingen=[(5, 100)],
    )
    planning = plan_stappen(casus, tot=date(2024, 2, 1))
    codes = [g.stap.code for g in planning.stappen]
    assert codes.index("herstel_1") < codes.index("ziekmelding_2") < codes.index("triage_oordeel")
    assert all(g.geregistreerd.date() < date(2024, 2, 1) for g in planning.stappen)
    # No step happens while the employee is back at work (days 4 to 8).
    werkend = [
        g.stap.code for g in planning.stappen if date(2024, 1, 5) < g.geldig_op < date(2024, 1, 10)
    ]
    assert werkend == []


@pytest.fixture
def procestabel(monkeypatch):
    """Change a row of the calendar's table: `procestabel(code, regel)`. The schedule read from
    the table is read anew."""
    module = importlib.import_module("poortwachter.kalender")

    def wijzig(code, regel):
        rijen = tuple(replace(r, regel=regel) if r.code == code else r for r in module.RIJEN)
        monkeypatch.setattr(module, "RIJEN", rijen)
        rooster.cache_clear()

    yield wijzig
    rooster.cache_clear()


def test_a_change_in_the_process_table_moves_the_simulator(procestabel):
    casus = Casus(betrokkenen("wg-t", "wn-t"), date(2024, 3, 4), None)
    voor = {s.code: s.dag for s in stappen(casus)}
    procestabel("screening", termijn(week(2)))
    procestabel("melding_42_weken", werkdag_na(week(41)))
    na = {s.code: s.dag for s in stappen(casus)}
    assert na["screening"] == voor["screening"] + 7
    assert na["melding_42_weken"] == voor["melding_42_weken"] - 7
    # The delegation to the CMTD comes just before the screening; nothing else moved.
    assert {code for code in voor if na[code] != voor[code]} == {
        "screening",
        "taakdelegatie",
        "melding_42_weken",
    }


def test_the_builder_walks_the_plan_up_to_a_step_and_runs_single_steps(platform):
    casus = Casus(
        betrokkenen("wg-b", "wn-b"), date(2024, 3, 4), None, verloop=Verloop(verwijzing=True)
    )
    dossier = DossierBuilder(platform, casus).tot_en_met("verwijzing_geaccepteerd")
    codes = [g.stap.code for g in plan_stappen(casus).stappen]
    assert casus.uitgevoerd == set(codes[: codes.index("verwijzing_geaccepteerd") + 1])
    feiten = len(platform.history(dossier.dossier_id))
    dossier.tot_en_met("probleemanalyse")  # done already: nothing runs twice
    assert len(platform.history(dossier.dossier_id)) == feiten

    # One step on its on-time day, recorded that morning, as the walk would.
    dossier.op_tijd("gesprek_probleemanalyse")
    gesprek = platform.history(dossier.dossier_id)[-1][1]
    assert type(gesprek).__name__ == "GesprekGevoerd"
    dag = rooster(psychisch=False).dag["gesprek_probleemanalyse"]
    assert gesprek.geldig_op == gesprek.timestamp.date() == casus.eerste_ziektedag + timedelta(dag)

    # One step with other fields, now.
    ingediend, _ = dossier.doe("factuur", bedrag_centen=12345).events
    assert ingediend.data["bedrag_centen"] == 12345
    assert ingediend.data["verwijzing_id"] == f"vw-{dossier.dossier_id}"
    with pytest.raises(ValueError, match="spoor2"):
        dossier.doe("spoor2")  # no spoor 2 in this case
