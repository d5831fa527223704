"""The first year of re-integratie: probleemanalyse and consults, the plan van aanpak and its
follow-up, the FML, the arbeidsdeskundige, the eerstejaarsevaluatie, spoor 2 and a
deskundigenoordeel."""

from pytest_bdd import then

from features.driver import Keuze, tekst
from features.steps.invoer import (
    BEPERKINGEN,
    FML_BEPERKINGEN,
    PLAN,
    deskundigenoordeel,
    eerstejaarsevaluatie,
    fml,
    probleemanalyse,
    rapport,
)
from features.steps.opdracht import Opdracht, registreer
from features.steps.taal import stap

# fmt: off
registreer(
    # Probleemanalyse en consult
    Opdracht("de bedrijfsarts", "lever_probleemanalyse_op", probleemanalyse(),
             gegeven="de bedrijfsarts heeft op {datum:Datum} de probleemanalyse opgeleverd"),
    Opdracht("de bedrijfsarts", "lever_probleemanalyse_op",
             lambda p: probleemanalyse(p["diagnose"]),
             gegeven="de bedrijfsarts heeft op {datum:Datum} de probleemanalyse opgeleverd met "
             'diagnose "{diagnose}"',
             als='de bedrijfsarts op {datum:Datum} de probleemanalyse oplevert met diagnose '
             '"{diagnose}"'),
    Opdracht("de werkgever", "leg_gesprek_vast",
             {"onderwerp": Keuze("PROBLEEMANALYSE"), "verslag": "afspraken over opbouw besproken"},
             als='de werkgever op {datum:Datum} de probleemanalyse met "{naam}" bespreekt',
             dossier="naam"),
    Opdracht("de bedrijfsarts", "leg_consult_vast", {"verslag": "spreekuur"},
             als="de bedrijfsarts op {datum:Datum} een consult houdt"),
    Opdracht("de bedrijfsarts", "leg_consult_vast",
             {"verslag": "klachten toegenomen", "medische_verandering": True},
             als="de bedrijfsarts op {datum:Datum} een consult houdt met een medische verandering"),
    Opdracht("de werkgever", "leg_consult_vast", {"verslag": "rugklachten"},
             als="de werkgever op {datum:Datum} probeert een consult vast te leggen", probeer=True),
    # Plan van aanpak, voortgang en bijstelling
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             als="de werkgever op {datum:Datum} het plan van aanpak vaststelt", probeer=True),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             gegeven="het plan van aanpak is op {datum:Datum} vastgesteld"),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             als="de werkgever op {datum:Datum} het plan van aanpak vastlegt dat gold per "
             "{per:Datum}",
             geldig_op="per", probeer=True),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast",
             lambda p: {**PLAN, "reden_terugdatering": p["reden"]},
             als="de werkgever op {datum:Datum} het plan van aanpak vastlegt dat gold per "
             '{per:Datum}, omdat "{reden}"',
             geldig_op="per", probeer=True),
    Opdracht("de casemanager", "leg_voortgang_vast",
             {"samenvatting": "opbouw loopt volgens plan", "stagnatie": False},
             als="de casemanager op {datum:Datum} de voortgang vastlegt"),
    Opdracht("de casemanager", "leg_voortgang_vast",
             {"samenvatting": "opbouw loopt volgens plan", "stagnatie": True},
             als="de casemanager op {datum:Datum} stagnatie vastlegt"),
    Opdracht("de casemanager", "stel_plan_van_aanpak_bij",
             {"reden": "de opbouw stagneert", "afspraken": [
                 {"wat": "andere taken proberen", "wie": "werkgever", "uiterlijk": "2026-09-01"}]},
             als="de casemanager op {datum:Datum} het plan van aanpak bijstelt"),
    # FML en arbeidsdeskundige
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast", fml(FML_BEPERKINGEN, duurzaam=False),
             gegeven="de bedrijfsarts heeft op {datum:Datum} een FML vastgesteld"),
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast", fml(FML_BEPERKINGEN, duurzaam=True),
             gegeven="de bedrijfsarts heeft op {datum:Datum} in een FML vastgesteld dat er "
             "duurzaam geen mogelijkheden zijn"),
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast",
             fml(["geen belastbaarheid voor arbeid"], duurzaam=True),
             als="de bedrijfsarts op {datum:Datum} in een FML vaststelt dat er duurzaam geen "
             "mogelijkheden zijn"),
    Opdracht("de arbeidsdeskundige", "leg_adviesgesprek_vast",
             {"verslag": "mogelijkheden in de eigen functie verkend"},
             als="de arbeidsdeskundige op {datum:Datum} een adviesgesprek houdt"),
    Opdracht("de arbeidsdeskundige", "lever_rapport_op", rapport(passend_eigen_werk=True),
             als="de arbeidsdeskundige op {datum:Datum} het rapport oplevert", probeer=True),
    Opdracht("de arbeidsdeskundige", "lever_rapport_op", rapport(passend_eigen_werk=False),
             als="de arbeidsdeskundige op {datum:Datum} rapporteert dat er mogelijkheden zijn "
             "maar geen passend eigen werk"),
    # Eerstejaarsevaluatie en het tweede spoor
    Opdracht("de werkgever", "leg_eerstejaarsevaluatie_vast",
             eerstejaarsevaluatie(spoor2_nodig=True, perspectief=False),
             gegeven="de werkgever heeft op {datum:Datum} de eerstejaarsevaluatie vastgelegd "
             "waarin het tweede spoor nodig is",
             als="de werkgever op {datum:Datum} de eerstejaarsevaluatie vastlegt waarin het "
             "tweede spoor nodig is"),
    Opdracht("de werkgever", "leg_eerstejaarsevaluatie_vast",
             eerstejaarsevaluatie(spoor2_nodig=False, perspectief=True),
             als="de werkgever op {datum:Datum} de eerstejaarsevaluatie vastlegt waarin eigen werk "
             "binnen drie maanden in zicht is"),
    Opdracht("de werkgever", "start_spoor2", {"reden": "geen passend werk bij de eigen werkgever"},
             als="de werkgever op {datum:Datum} het tweede spoor start"),
    # Deskundigenoordeel
    Opdracht("de werkgever", "vraag_deskundigenoordeel_aan", deskundigenoordeel("WERKGEVER"),
             als='de werkgever op {datum:Datum} een deskundigenoordeel aanvraagt over "{vraag}"',
             probeer=True),
    Opdracht("{naam}", "vraag_deskundigenoordeel_aan", deskundigenoordeel("WERKNEMER"),
             als='"{naam}" op {datum:Datum} een deskundigenoordeel aanvraagt over "{vraag}"',
             probeer=True),
)
# fmt: on


@then("heeft de werkgever de mogelijkheden en beperkingen ontvangen")
def werkgever_ontving(werk):
    documenten = werk.lees(werk.hr, "documenten { probleemanalyses { beperkingen } }")["documenten"]
    assert documenten["probleemanalyses"] == [{"beperkingen": BEPERKINGEN}]


@then(stap('komt "{inhoud}" niet voor in wat de werkgeversdienst heeft vastgelegd'))
def niet_bij_werkgever(werk, inhoud):
    # The werknemer reads all of their own dossier, medical facts included.
    dossier = werk.lees(werk.partij("de werknemer"), "timeline { service payload }")
    werkgeverfeiten = [e for e in dossier["timeline"] if e["service"] == "werkgever"]
    assert werkgeverfeiten
    assert all(inhoud not in tekst(e) for e in werkgeverfeiten)


@then(stap('staat "{inhoud}" wel in het medisch dossier van de bedrijfsarts'))
def wel_bij_bedrijfsarts(werk, inhoud):
    dossier = werk.lees(werk.bedrijfsarts, "timeline { service payload }")
    assert any(inhoud in tekst(e) for e in dossier["timeline"] if e["service"] == "bedrijfsarts")


@then("is het plan van aanpak vastgelegd")
def plan_vastgelegd(werk):
    werk.moet_gelukt_zijn()
    plan = werk.lees(werk.hr, "documenten { planVanAanpak { doel } }")["documenten"][
        "planVanAanpak"
    ]
    assert plan == {"doel": PLAN["doel"]}


@then("telt het deskundigenoordeel mee in het re-integratieverslag")
def deskundigenoordeel_in_riv(werk):
    werk.moet_gelukt_zijn()
    assert "deskundigenoordeel" in werk.riv(werk.hr)["aanwezig"]
