"""Toward the end of the wachttijd: the 42-wekenmelding, the actueel oordeel, the
re-integratieverslag, the WIA-aanvraag, and what UWV decides and writes."""

from pytest_bdd import given, when

from features.driver import Keuze
from features.steps.invoer import (
    ACTUEEL_OORDEEL,
    PLAN,
    eerstejaarsevaluatie,
    probleemanalyse,
)
from features.steps.opdracht import Opdracht, registreer
from features.steps.taal import DATUM, keuze, stap

# fmt: off
registreer(
    Opdracht("de casemanager", "dien_melding_42_weken_in", {"kenmerk": "ZM-42-0001"},
             gegeven="de casemanager heeft op {datum:Datum} de 42-wekenmelding ingediend",
             als="de casemanager op {datum:Datum} de 42-wekenmelding indient"),
    Opdracht("de bedrijfsarts", "geef_actueel_oordeel", ACTUEEL_OORDEEL,
             als="de bedrijfsarts op {datum:Datum} een actueel oordeel geeft"),
    Opdracht("de bedrijfsarts", "geef_herstelprognose",
             {"herstel_binnen_26_weken": False, "toelichting": "stabiele beperkingen"},
             als="de bedrijfsarts op {datum:Datum} verklaart dat herstel binnen 26 weken niet te "
             "verwachten is"),
    Opdracht("de casemanager", "registreer_wia_uitnodiging", {},
             als="de casemanager op {datum:Datum} vastlegt dat de WIA-uitnodiging van UWV binnen "
             "is"),
    Opdracht("{naam}", "dien_wia_aanvraag_in", {"kenmerk": "WIA-0001"},
             gegeven='"{naam}" heeft op {datum:Datum} de WIA-aanvraag ingediend',
             als='"{naam}" op {datum:Datum} de WIA-aanvraag indient',
             dossier="naam", probeer=True),
    Opdracht("de casemanager", "dien_wia_aanvraag_in", {"kenmerk": "WIA-0001"},
             als='de casemanager op {datum:Datum} de WIA-aanvraag namens "{naam}" indient',
             dossier="naam", probeer=True),
    Opdracht("{naam}", "vraag_vervroegde_iva_aan", {},
             als='"{naam}" op {datum:Datum} een vervroegde IVA-uitkering aanvraagt',
             dossier="naam"),
    Opdracht("de werkgever", "verleng_loondoorbetaling",
             lambda p: {"reden": Keuze("GEZAMENLIJK_VERZOEK"), "weken": p["weken"]},
             als="de werkgever op {datum:Datum} zelf vastlegt dat de loondoorbetaling op "
             "gezamenlijk verzoek {weken:d} weken langer duurt"),
    Opdracht("UWV", "verleng_wachttijd",
             lambda p: {"weken": p["weken"], "kenmerk": "UWV-VERLENGING-1"},
             gegeven="UWV heeft op {datum:Datum} op gezamenlijk verzoek de wachttijd met "
             "{weken:d} weken verlengd",
             als="UWV op {datum:Datum} op gezamenlijk verzoek de wachttijd met {weken:d} weken "
             "verlengt",
             probeer=True),
    Opdracht("UWV", "bekort_loonsanctie",
             lambda p: {"eindigt_op": p["tot"], "kenmerk": "UWV-BEKORTING-1"},
             als="UWV op {datum:Datum} de loonsanctie bekort tot {tot:Datum}", probeer=True),
    Opdracht("{partij}", "dien_bezwaar_in", {"tegen": Keuze("LOONSANCTIE"), "kenmerk": "BZW-1"},
             als="{partij:Partij} op {datum:Datum} bezwaar maakt tegen de loonsanctie",
             probeer=True),
    Opdracht("{partij}", "dien_bezwaar_in", {"tegen": Keuze("WIA_BESLUIT"), "kenmerk": "BZW-2"},
             als="{partij:Partij} op {datum:Datum} bezwaar maakt tegen het WIA-besluit",
             probeer=True),
    # Wat UWV beslist, en wie dat mag vastleggen
    Opdracht("UWV", "registreer_ontvangstbevestiging", {"kenmerk": "WIA-0001"},
             als="UWV op {datum:Datum} de ontvangst van een WIA-aanvraag bevestigt", probeer=True),
    Opdracht("UWV", "registreer_wia_besluit",
             lambda p: {"uitkomst": keuze(p["uitkomst"]),
                        "arbeidsongeschiktheid_percentage": p["procent"]},
             als="UWV op {datum:Datum} besluit tot een {uitkomst}-uitkering bij {procent:d} "
             "procent arbeidsongeschiktheid"),
    Opdracht("UWV", "registreer_riv_toets",
             lambda p: {"voldoende": p["oordeel"] == "voldoende", "loonsanctie_tot": p["tot"],
                        "motivering": "tweede spoor te laat gestart"},
             gegeven="UWV heeft op {datum:Datum} de re-integratie {oordeel} gevonden met een "
             "loonsanctie tot {tot:Datum}",
             als="UWV op {datum:Datum} de re-integratie {oordeel} vindt met een loonsanctie tot "
             "{tot:Datum}",
             probeer=True),
    Opdracht("de werkgever", "registreer_riv_toets",
             {"voldoende": True, "motivering": "volgens de werkgever voldoende"},
             als="de werkgever op {datum:Datum} zelf vastlegt dat UWV het re-integratieverslag "
             "voldoende vond",
             probeer=True),
    Opdracht("de casemanager", "registreer_uwv_brief",
             lambda p: {"gedateerd": p["gedateerd"], "kenmerk": "UWV-BRIEF-1",
                        "soort": Keuze("RIV_TOETS"),
                        "samenvatting": "UWV vindt de re-integratie-inspanningen voldoende"},
             als="de casemanager op {datum:Datum} een brief van UWV van {gedateerd:Datum} over de "
             "toets van het re-integratieverslag vastlegt",
             probeer=True),
)
# fmt: on


@given(stap("alle onderdelen van het re-integratieverslag zijn op " + DATUM + " vastgelegd"))
def alle_riv_onderdelen(werk, datum):
    for actor, commando, velden in (
        (werk.bedrijfsarts, "lever_probleemanalyse_op", probleemanalyse()),
        (werk.hr, "stel_plan_van_aanpak_vast", PLAN),
        (werk.hr, "leg_eerstejaarsevaluatie_vast", eerstejaarsevaluatie(True, False)),
        (werk.bedrijfsarts, "geef_actueel_oordeel", ACTUEEL_OORDEEL),
        (werk.hr, "leg_eindevaluatie_vast", {"conclusie": "re-integratie afgerond"}),
        (werk.bedrijfsarts, "overhandig_medisch_deel_riv", {"samenvatting": "medisch deel"}),
        (werk.partij("de werknemer"), "leg_zienswijze_vast", {"zienswijze": "eens"}),
    ):
        werk.doe(datum, actor, commando, werk.dossier, velden)


@given(stap("de casemanager heeft op " + DATUM + " het re-integratieverslag samengesteld"))
@when(stap("de casemanager op " + DATUM + " het re-integratieverslag samenstelt"))
def riv_samenstellen(werk, datum):
    onderdelen = [keuze(o) for o in werk.riv(werk.casemanager)["aanwezig"]]
    werk.probeer(
        datum, werk.casemanager, "stel_riv_samen", werk.dossier, {"onderdelen": onderdelen}
    )
