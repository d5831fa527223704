"""Step definitions for the WVP features.

Steps act through the platform's public command interface (`Platform.execute`) and read through
the dossier history and the poortwachter calendar; the clock is set to each step's date so that
recorded time follows the dates in the text.
"""

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from events import Actor, Rol
from poortwachter.feiten import feiten_uit_historie
from poortwachter.kalender import kalender
from services.shared import clock
from services.shared.errors import CommandRejected
from wvp.runtime import running

DATUM = "{datum:Datum}"


def _datum(tekst: str) -> date:
    return date.fromisoformat(tekst)


_datum.pattern = r"\d{4}-\d{2}-\d{2}"


def stap(patroon: str):
    """A step pattern in which {name:Datum} is an ISO date such as 2026-03-02."""
    return parsers.parse(patroon, extra_types={"Datum": _datum})


def _op(datum: date) -> datetime:
    return datetime.combine(datum, time(9), tzinfo=UTC)


class Dossierwerk:
    """What a scenario knows: the platform, the parties by name, and the last outcome."""

    def __init__(self, platform):
        self.platform = platform
        self.werkgever_id = ""
        self.hr: Actor | None = None
        self.bedrijfsarts: Actor | None = None
        self.dossiers: dict[str, str] = {}
        self.fout: Exception | None = None
        self.telling_voor: int | None = None

    @property
    def dossier(self) -> str:
        (dossier_id,) = self.dossiers.values()
        return dossier_id

    def werknemer(self, naam: str) -> Actor:
        return Actor(rol=Rol.WERKNEMER, persoon_id=naam, organisatie=self.werkgever_id)

    def aantal_feiten(self) -> int:
        return sum(app.recorder.max_notification_id() or 0 for app in self.platform.services)

    def doe(self, datum: date, actor: Actor, commando: str, dossier_id, velden: dict):
        """Run a command on `datum`; a refusal is kept for the Dan-steps, nothing is recorded."""
        self.fout = None
        self.telling_voor = self.aantal_feiten()
        with clock.frozen_at(_op(datum)):
            try:
                return self.platform.execute(
                    commando, actor, dossier_id, {"geldig_op": datum.isoformat(), **velden}
                )
            except (CommandRejected, ValueError) as fout:
                self.fout = fout
                return None

    def moet_lukken(self, resultaat) -> None:
        assert self.fout is None, f"onverwacht geweigerd: {self.fout}"
        return resultaat

    def historie(self):
        return self.platform.history(self.dossier)

    def verplichting(self, code: str, peildatum: date):
        rijen = {v.code: v for v in kalender(feiten_uit_historie(self.historie()), peildatum)}
        assert code in rijen, f"geen verplichting {code}; wel: {sorted(rijen)}"
        return rijen[code]


def pytest_configure(config):
    # Feature tags become pytest marks (select with -m); register them so pytest knows them.
    for feature in Path(__file__).parent.glob("*.feature"):
        for tag in set(re.findall(r"@([\w-]+)", feature.read_text())):
            config.addinivalue_line("markers", f"{tag}: feature tag")


@pytest.fixture
def werk(tmp_path):
    with running({"WVP_DATA_DIR": str(tmp_path)}) as platform:
        yield Dossierwerk(platform)


# Partijen


@given(stap('werkgever "{werkgever}" met HR-medewerker "{hr}"'))
def werkgever_met_hr(werk, werkgever, hr):
    werk.werkgever_id = werkgever
    werk.hr = Actor(rol=Rol.WERKGEVER, persoon_id=hr, organisatie=werkgever)


@given(stap('bedrijfsarts "{ba}" van arbodienst "{arbodienst}"'))
def bedrijfsarts_van(werk, ba, arbodienst):
    werk.bedrijfsarts = Actor(rol=Rol.BEDRIJFSARTS, persoon_id=ba, organisatie=arbodienst)


# Ziekmelding


def _ziekmelding(werk, naam: str, datum: date, **velden):
    resultaat = werk.doe(
        datum,
        werk.hr,
        "registreer_ziekmelding",
        None,
        {"werknemer_id": naam, "werkgever_id": werk.werkgever_id, **velden},
    )
    if resultaat is not None:
        werk.dossiers[naam] = resultaat.dossier_id


@given(stap('werknemer "{naam}" heeft zich ziek gemeld op ' + DATUM))
def heeft_ziek_gemeld(werk, naam, datum):
    _ziekmelding(werk, naam, datum, lopende_taken="bakken", verwachte_duur_dagen=14)
    werk.moet_lukken(None)


@when(
    stap('werknemer "{naam}" zich ziek meldt op ' + DATUM + " met verwachte duur {dagen:d} dagen")
)
def meldt_ziek(werk, naam, datum, dagen):
    _ziekmelding(
        werk, naam, datum, verwachte_duur_dagen=dagen, lopende_taken="bakken", afspraken="geen"
    )


@when(stap('werknemer "{naam}" zich ziek meldt op ' + DATUM + ' met een diagnose "{d}"'))
def meldt_ziek_met_diagnose(werk, naam, datum, d):
    _ziekmelding(werk, naam, datum, diagnose=d)


@given(stap('de werkgever heeft bedrijfsarts "{ba}" toegewezen op ' + DATUM))
def bedrijfsarts_toegewezen(werk, ba, datum):
    werk.doe(
        datum,
        werk.hr,
        "wijs_bedrijfsarts_toe",
        werk.dossier,
        {"persoon_id": ba, "organisatie": werk.bedrijfsarts.organisatie},
    )
    werk.moet_lukken(None)


@when(stap('de werkgever de verzekeraar "{verzekeraar}" informeert op ' + DATUM))
def informeert_verzekeraar(werk, verzekeraar, datum):
    werk.doe(
        datum,
        werk.hr,
        "informeer_verzekeraar",
        werk.dossier,
        {"verzekeraar_id": verzekeraar, "melding": "start"},
    )
    werk.moet_lukken(None)


# Bedrijfsarts


@when(stap("de bedrijfsarts op " + DATUM + " screent met prioriteit {prioriteit:d}"))
def screent(werk, datum, prioriteit):
    werk.doe(
        datum, werk.bedrijfsarts, "voer_screening_uit", werk.dossier, {"prioriteit": prioriteit}
    )
    werk.moet_lukken(None)


@when(stap("de bedrijfsarts op " + DATUM + " een consult houdt"))
def houdt_consult(werk, datum):
    werk.doe(datum, werk.bedrijfsarts, "leg_consult_vast", werk.dossier, {"verslag": "spreekuur"})
    werk.moet_lukken(None)


@when(stap("de bedrijfsarts op " + DATUM + " een FML vaststelt met duurzaam geen mogelijkheden"))
def fml_geen_mogelijkheden(werk, datum):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "stel_belastbaarheid_vast",
        werk.dossier,
        {
            "instrument": "FML",
            "beperkingen": ["geen belastbaarheid voor arbeid"],
            "duurzaam_geen_mogelijkheden": True,
        },
    )
    werk.moet_lukken(None)


@when(stap("de werkgever op " + DATUM + ' de probleemanalyse met "{naam}" bespreekt'))
def bespreekt(werk, datum, naam):
    werk.doe(
        datum,
        werk.hr,
        "leg_gesprek_vast",
        werk.dossiers[naam],
        {"onderwerp": "probleemanalyse", "verslag": "afspraken over opbouw besproken"},
    )
    werk.moet_lukken(None)


def _triage(werk, datum, medisch: bool, psychisch: bool = False):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "geef_triage_oordeel",
        werk.dossier,
        {
            "medische_oorzaak": medisch,
            "psychische_klachten": psychisch,
            "toelichting": "telefonische triage",
        },
    )
    werk.moet_lukken(None)


@given(stap("de bedrijfsarts heeft op " + DATUM + " geoordeeld dat er een medische oorzaak is"))
@when(stap("de bedrijfsarts op " + DATUM + " oordeelt dat er een medische oorzaak is"))
def triage_medisch(werk, datum):
    _triage(werk, datum, medisch=True)


@when(
    stap(
        "de bedrijfsarts op " + DATUM + " oordeelt dat er een medische oorzaak is met psychische "
        "klachten"
    )
)
def triage_psychisch(werk, datum):
    _triage(werk, datum, medisch=True, psychisch=True)


@when(stap("de bedrijfsarts op " + DATUM + " oordeelt dat er geen medische oorzaak is"))
def triage_niet_medisch(werk, datum):
    _triage(werk, datum, medisch=False)


@when(
    stap(
        "de bedrijfsarts op " + DATUM + ' aan de werkgever rapporteert dat "{naam}" niet kan werken'
    )
)
def rapporteert(werk, datum, naam):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "rapporteer_oordeel",
        werk.dossiers[naam],
        {"kan_werken": False, "toelichting": "nu geen mogelijkheden voor eigen werk"},
    )
    werk.moet_lukken(None)


@when(stap("de bedrijfsarts op " + DATUM + " medische informatie opvraagt bij de huisarts"))
def vraagt_informatie(werk, datum):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "vraag_medische_informatie_op",
        werk.dossier,
        {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "vraag": "beloop klachten"},
    )


@when(stap('"{naam}" op ' + DATUM + " toestemming geeft voor informatie van de huisarts"))
def geeft_toestemming(werk, naam, datum):
    werk.doe(
        datum,
        werk.werknemer(naam),
        "registreer_toestemming",
        werk.dossiers[naam],
        {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "doel": "beloop klachten"},
    )
    werk.moet_lukken(None)


def _probleemanalyse(werk, datum, diagnose):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "lever_probleemanalyse_op",
        werk.dossier,
        {
            "mogelijkheden": "korte diensten, zittend werk",
            "beperkingen": "beperkt in tillen en langdurig staan",
            "advies": "opbouw in uren over zes weken",
            "diagnose": diagnose,
        },
    )
    werk.moet_lukken(None)


@when(
    stap("de bedrijfsarts op " + DATUM + ' de probleemanalyse oplevert met diagnose "{diagnose}"')
)
def levert_probleemanalyse(werk, datum, diagnose):
    _probleemanalyse(werk, datum, diagnose)


@given(stap("de bedrijfsarts heeft op " + DATUM + " de probleemanalyse opgeleverd"))
def probleemanalyse_opgeleverd(werk, datum):
    _probleemanalyse(werk, datum, "CANARY-rugklachten")


# Werkgever: plan van aanpak


@when(stap("de werkgever op " + DATUM + " het plan van aanpak vaststelt"))
def stelt_plan_vast(werk, datum):
    werk.doe(
        datum,
        werk.hr,
        "stel_plan_van_aanpak_vast",
        werk.dossier,
        {
            "doel": "terugkeer in eigen werk",
            "afspraken": [
                {"wat": "start met 2 uur per dag", "wie": "werknemer", "uiterlijk": "2026-06-01"}
            ],
            "financiele_gevolgen_uitgelegd": True,
        },
    )


# Dan


@then(stap('is er een verzuimdossier voor "{naam}" met eerste ziektedag ' + DATUM))
def verzuimdossier(werk, naam, datum):
    assert naam in werk.dossiers
    (eerste,) = [e for s, e in werk.historie() if type(e).__name__ == "ZiekmeldingGeregistreerd"]
    assert eerste.geldig_op == datum
    assert eerste.data["werknemer_id"] == naam


@then(stap("heeft de bedrijfsarts het medisch dossier automatisch geopend op " + DATUM))
def medisch_dossier_geopend(werk, datum):
    geopend = [
        e
        for s, e in werk.historie()
        if s == "bedrijfsarts" and type(e).__name__ == "DossierGeopend"
    ]
    assert len(geopend) == 1
    assert geopend[0].geldig_op == datum
    assert geopend[0].actor["rol"] == Rol.SYSTEEM


@then(stap('op {peildatum:Datum} is de verplichting "{code}" "{status}"'))
def verplichting_status(werk, peildatum, code, status):
    assert werk.verplichting(code, peildatum).status.value == status


@then(
    stap(
        'op {peildatum:Datum} is de verplichting "{code}" "{status}" '
        "met uiterlijk {uiterlijk:Datum}"
    )
)
def verplichting_status_en_termijn(werk, peildatum, code, status, uiterlijk):
    verplichting = werk.verplichting(code, peildatum)
    assert (verplichting.status.value, verplichting.uiterlijk) == (status, uiterlijk)
    werk.laatste_verplichting = verplichting


@then(stap("is die verplichting als {classificatie} geclassificeerd"))
def geclassificeerd(werk, classificatie):
    assert werk.laatste_verplichting.classificatie == classificatie


@then(stap('wordt dit geweigerd met een melding over "{woorden}"'))
def geweigerd(werk, woorden):
    assert werk.fout is not None, "het commando werd niet geweigerd"
    assert woorden in str(werk.fout)


@then("is er niets vastgelegd")
def niets_vastgelegd(werk):
    assert werk.aantal_feiten() == werk.telling_voor


@then("is er medische informatie opgevraagd in het medisch dossier")
def informatie_opgevraagd(werk):
    soorten = [type(e).__name__ for s, e in werk.historie() if s == "bedrijfsarts"]
    assert "MedischeInformatieOpgevraagd" in soorten


@then("heeft de werkgever de mogelijkheden en beperkingen ontvangen")
def werkgever_ontving(werk):
    (ontvangen,) = [e for s, e in werk.historie() if type(e).__name__ == "ProbleemanalyseOntvangen"]
    assert ontvangen.data["beperkingen"] == "beperkt in tillen en langdurig staan"


@then(stap('komt "{tekst}" niet voor in wat de werkgeversdienst heeft vastgelegd'))
def niet_bij_werkgever(werk, tekst):
    werkgeverfeiten = [e for s, e in werk.historie() if s == "werkgever"]
    assert werkgeverfeiten
    assert all(tekst not in repr(e.data) for e in werkgeverfeiten)


@then(stap('staat "{tekst}" wel in het medisch dossier van de bedrijfsarts'))
def wel_bij_bedrijfsarts(werk, tekst):
    assert any(tekst in repr(e.data) for s, e in werk.historie() if s == "bedrijfsarts")


@then("is het plan van aanpak vastgelegd")
def plan_vastgelegd(werk):
    assert werk.fout is None, f"geweigerd: {werk.fout}"
    assert any(type(e).__name__ == "PlanVanAanpakVastgesteld" for s, e in werk.historie())
