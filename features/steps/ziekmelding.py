"""The ziekmelding and the first two weeks: the dossier opens, the verzekeraar hears of it, the
bedrijfsarts screens and judges; and herstel, whole or partial, which can end it again."""

from datetime import date, datetime

from pytest_bdd import given, then, when

from events import Actor, Rol
from features.driver import Keuze
from features.steps.invoer import HUISARTS, triage
from features.steps.opdracht import Opdracht, registreer
from features.steps.partijen import bedrijfsarts_van, werkgever_met_hr
from features.steps.taal import DATUM, code, keuze, stap


def _ziekmelding(werk, naam: str, datum: date, uitvoeren, **velden):
    """A ziekmelding by the werkgever, through `werk.doe` (must succeed) or `werk.probeer`."""
    werk.werknemers.add(naam)
    uitkomst = uitvoeren(
        datum,
        werk.hr,
        "registreer_ziekmelding",
        None,
        {"werknemer_id": naam, "werkgever_id": werk.werkgever_id, **velden},
    )
    if uitkomst is not None:
        werk.dossiers[naam] = uitkomst["dossierId"]
        werk.eerste_dossiers.setdefault(naam, uitkomst["dossierId"])


@given(stap('werknemer "{naam}" heeft zich op ' + DATUM + " ziek gemeld"))
def heeft_ziek_gemeld(werk, naam, datum):
    _ziekmelding(werk, naam, datum, werk.doe, lopende_taken="bakken", verwachte_duur_dagen=14)


@given(stap('een verzuimdossier van "{naam}" bij "{werkgever}" sinds ' + DATUM))
def verzuimdossier_met_partijen(werk, naam, werkgever, datum):
    werkgever_met_hr(werk, werkgever, "hr-anna")
    bedrijfsarts_van(werk, "ba-piet", "arbo-noord")
    werk.casemanager = Actor(rol=Rol.CASEMANAGER, persoon_id="cm-els", organisatie="cm-bureau")
    werk.arbeidsdeskundige = Actor(
        rol=Rol.ARBEIDSDESKUNDIGE, persoon_id="ad-kees", organisatie="ad-bureau"
    )
    heeft_ziek_gemeld(werk, naam, datum)
    for commando, velden in (
        ("stel_casemanager_aan", {"persoon_id": "cm-els", "naam": "Els de Vries"}),
        ("wijs_bedrijfsarts_toe", {"persoon_id": "ba-piet", "organisatie": "arbo-noord"}),
        ("wijs_arbeidsdeskundige_toe", {"persoon_id": "ad-kees", "organisatie": "ad-bureau"}),
    ):
        werk.doe(datum, werk.hr, commando, werk.dossier, velden)


@when(
    stap(
        'werknemer "{naam}" zich op ' + DATUM + " ziek meldt met een verwachte duur van {dagen:d} "
        "dagen"
    )
)
def meldt_ziek(werk, naam, datum, dagen):
    _ziekmelding(
        werk,
        naam,
        datum,
        werk.probeer,
        verwachte_duur_dagen=dagen,
        lopende_taken="bakken",
        afspraken="geen",
    )


@when(stap('werknemer "{naam}" zich op ' + DATUM + ' ziek meldt met de diagnose "{d}"'))
def meldt_ziek_met_diagnose(werk, naam, datum, d):
    _ziekmelding(werk, naam, datum, werk.probeer, diagnose=d)


def _waarde(tekst: str):
    if tekst in ("ja", "nee"):
        return tekst == "ja"
    return int(tekst) if tekst.isdigit() else tekst


@when(
    stap(
        'de werkgever bij de ziekmelding van "{naam}" op ' + DATUM + ' ook "{veld}" vastlegt als '
        '"{waarde}"'
    )
)
def ziekmelding_met_veld(werk, naam, datum, veld, waarde):
    _ziekmelding(werk, naam, datum, werk.probeer, **{code(veld): _waarde(waarde)})


# fmt: off
registreer(
    Opdracht("de werkgever", "informeer_verzekeraar",
             lambda p: {"verzekeraar_id": p["verzekeraar"], "melding": "start"},
             gegeven='de werkgever heeft op {datum:Datum} de verzekeraar "{verzekeraar}" '
             "geïnformeerd",
             als='de werkgever op {datum:Datum} de verzekeraar "{verzekeraar}" informeert'),
    Opdracht("de werkgever", "registreer_herstel", {},
             gegeven="de werkgever heeft op {datum:Datum} herstel gemeld per {per:Datum}",
             als="de werkgever op {datum:Datum} herstel meldt per {per:Datum}",
             geldig_op="per", probeer=True),
    Opdracht("de werkgever", "leg_verlof_vast",
             lambda p: {"soort": Keuze("ZWANGERSCHAP_EN_BEVALLING"), "tot": p["tot"]},
             gegeven="de werkgever heeft op {datum:Datum} zwangerschaps- en bevallingsverlof "
             "vastgelegd tot en met {tot:Datum}",
             als="de werkgever op {datum:Datum} zwangerschaps- en bevallingsverlof vastlegt tot "
             "en met {tot:Datum}"),
    Opdracht("de werkgever", "leg_vangnetregeling_vast",
             lambda p: {"regeling": keuze(p["regeling"])},
             als='de werkgever op {datum:Datum} vastlegt dat "{naam}" onder de vangnetregeling '
             "{regeling} valt",
             dossier="naam"),
    Opdracht("de werkgever", "beeindig_dienstverband", {},
             als='de werkgever op {datum:Datum} vastlegt dat "{naam}" ziek uit dienst gaat',
             dossier="naam"),
    # Corrections: a fact of their own that says what it corrects and why
    Opdracht("de werkgever", "corrigeer_eerste_ziektedag",
             lambda p: {"reden": p.get("reden", "eerste ziektedag verkeerd vastgelegd")},
             gegeven="de werkgever heeft op {datum:Datum} de eerste ziektedag gecorrigeerd naar "
             "{naar:Datum}",
             als='de werkgever op {datum:Datum} de eerste ziektedag corrigeert naar {naar:Datum} '
             'omdat "{reden}"',
             geldig_op="naar", probeer=True),
    Opdracht("de werkgever", "corrigeer_herstel", lambda p: {"reden": p["reden"]},
             als='de werkgever op {datum:Datum} de hersteldatum corrigeert naar {naar:Datum} '
             'omdat "{reden}"',
             geldig_op="naar", probeer=True),
    Opdracht("de werkgever", "trek_ziekmelding_in", lambda p: {"reden": p["reden"]},
             als='de werkgever op {datum:Datum} de ziekmelding intrekt omdat "{reden}"',
             probeer=True),
    Opdracht("de werkgever", "wijzig_verzuimpercentage",
             lambda p: {"verzuimpercentage": p["procent"]},
             als='de werkgever op {datum:Datum} meldt dat "{naam}" nog voor {procent:d} procent '
             "verzuimt",
             dossier="naam"),
    Opdracht("de werkgever", "wijzig_verzuimpercentage",
             lambda p: {"verzuimpercentage": p["procent"],
                        "reden_terugdatering": "het nieuwe percentage werd later doorgegeven"},
             gegeven='de werkgever heeft op {datum:Datum} gemeld dat "{naam}" per {per:Datum} nog '
             "voor {procent:d} procent verzuimt",
             dossier="naam", geldig_op="per"),
    Opdracht("de bedrijfsarts", "voer_screening_uit", lambda p: {"prioriteit": p["prioriteit"]},
             als="de bedrijfsarts op {datum:Datum} screent met prioriteit {prioriteit:d}"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", triage(medisch=True),
             gegeven="de bedrijfsarts heeft op {datum:Datum} geoordeeld dat er een medische "
             "oorzaak is",
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er een medische oorzaak is"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", triage(medisch=True, psychisch=True),
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er een medische oorzaak is met "
             "psychische klachten"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", triage(medisch=False),
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er geen medische oorzaak is"),
    Opdracht("de casemanager", "geef_triage_oordeel",
             {"medische_oorzaak": False, "toelichting": "conflict op het werk"},
             als="de casemanager op {datum:Datum} probeert te oordelen dat er geen medische "
             "oorzaak is",
             probeer=True),
    Opdracht("de bedrijfsarts", "rapporteer_oordeel",
             {"kan_werken": False, "toelichting": "nu geen mogelijkheden voor eigen werk"},
             als='de bedrijfsarts op {datum:Datum} aan de werkgever rapporteert dat "{naam}" niet '
             "kan werken",
             dossier="naam"),
    Opdracht("de bedrijfsarts", "vraag_medische_informatie_op", HUISARTS,
             als="de bedrijfsarts op {datum:Datum} medische informatie opvraagt bij de huisarts",
             probeer=True),
    Opdracht("{naam}", "registreer_toestemming",
             {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "doel": "beloop klachten"},
             als='"{naam}" op {datum:Datum} toestemming geeft voor informatie van de huisarts',
             dossier="naam"),
)
# fmt: on


@then(stap('is er een verzuimdossier voor "{naam}" met eerste ziektedag ' + DATUM))
def verzuimdossier(werk, naam, datum):
    assert naam in werk.dossiers
    dossier = werk.lees(
        werk.werknemer(naam),
        'werknemerId eersteZiektedag timeline(type: "ZiekmeldingGeregistreerd") { geldigOp }',
        werk.dossiers[naam],
    )
    assert dossier["timeline"] == [{"geldigOp": datum.isoformat()}]
    assert (dossier["werknemerId"], dossier["eersteZiektedag"]) == (naam, datum.isoformat())


@then(stap("heeft de bedrijfsarts het medisch dossier automatisch geopend op " + DATUM))
def medisch_dossier_geopend(werk, datum):
    # Read by the werknemer: it is their medical dossier, and no bedrijfsarts is assigned yet.
    dossier = werk.lees(
        werk.partij("de werknemer"),
        'timeline(type: "DossierGeopend") { service geldigOp actor { rol } }',
    )
    geopend = [e for e in dossier["timeline"] if e["service"] == "bedrijfsarts"]
    assert geopend == [
        {"service": "bedrijfsarts", "geldigOp": datum.isoformat(), "actor": {"rol": Rol.SYSTEEM}}
    ]


@then(stap('is de ziekmelding vastgelegd met "{veld}"'))
def ziekmelding_met(werk, veld):
    werk.moet_gelukt_zijn()
    naam = next(n for n in werk.dossiers if n != next(iter(werk.dossiers)))
    dossier = werk.lees(
        werk.hr, 'timeline(type: "ZiekmeldingGeregistreerd") { payload }', werk.dossiers[naam]
    )
    assert dossier["timeline"][0]["payload"][code(veld)] not in (None, False)


@then(stap("hoort die ziekmelding bij {welk} dossier"))
def hoort_bij_dossier(werk, welk):
    werk.moet_gelukt_zijn()
    ((naam, dossier_id),) = werk.dossiers.items()
    zelfde = dossier_id == werk.eerste_dossiers[naam]
    assert zelfde == (welk == "hetzelfde")


@then(stap("is de hersteldatum " + DATUM + " maar vastgelegd op {vastgelegd:Datum}"))
def hersteldatum(werk, datum, vastgelegd):
    dossier = werk.lees(
        werk.hr, 'timeline(type: "HerstelmeldingGeregistreerd") { geldigOp recordedAt }'
    )
    ((geldig_op, recorded_at),) = [(e["geldigOp"], e["recordedAt"]) for e in dossier["timeline"]]
    assert (geldig_op, datetime.fromisoformat(recorded_at).date()) == (
        datum.isoformat(),
        vastgelegd,
    )


@then("is er medische informatie opgevraagd in het medisch dossier")
def informatie_opgevraagd(werk):
    dossier = werk.lees(
        werk.bedrijfsarts, 'timeline(type: "MedischeInformatieOpgevraagd") { service }'
    )
    assert {"service": "bedrijfsarts"} in dossier["timeline"]
