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
from services.shared.errors import CommandRejected, RivIncomplete
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
        self.casemanager: Actor | None = None
        self.arbeidsdeskundige: Actor | None = None
        self.uwv = Actor(rol=Rol.UWV, persoon_id="uwv-beoordelaar", organisatie="uwv")
        self.dossiers: dict[str, str] = {}
        self.eerste_dossiers: dict[str, str] = {}
        self.personen: dict[str, Actor] = {}  # CMTDs and providers, by name
        self.fout: Exception | None = None
        self.telling_voor: int | None = None
        self.vandaag: date | None = None  # the date of the last step: reads happen then
        self.zicht: list = []  # what the last party to look at the dossier saw

    @property
    def dossier(self) -> str:
        (dossier_id,) = self.dossiers.values()
        return dossier_id

    def werknemer(self, naam: str) -> Actor:
        return Actor(rol=Rol.WERKNEMER, persoon_id=naam, organisatie=self.werkgever_id)

    def aantal_feiten(self) -> int:
        return sum(app.recorder.max_notification_id() or 0 for app in self.platform.services)

    def doe(
        self,
        datum: date,
        actor: Actor,
        commando: str,
        dossier_id,
        velden: dict,
        geldig_op: date | None = None,
    ):
        """Record on `datum` something that took effect on `geldig_op` (default: the same day).

        A refusal is kept for the Dan-steps; nothing is recorded then.
        """
        self.fout = None
        self.telling_voor = self.aantal_feiten()
        self.vandaag = datum
        geldig_op = geldig_op or datum
        with clock.frozen_at(_op(datum)):
            try:
                return self.platform.execute(
                    commando, actor, dossier_id, {"geldig_op": geldig_op.isoformat(), **velden}
                )
            except (CommandRejected, ValueError) as fout:
                self.fout = fout
                return None

    def moet_lukken(self, resultaat) -> None:
        assert self.fout is None, f"onverwacht geweigerd: {self.fout}"
        return resultaat

    def historie(self):
        return self.platform.history(self.dossier)

    def partij(self, aanduiding: str) -> Actor:
        """Resolve "de werkgever", "UWV", a quoted name, ... to the party's actor."""
        vast = {
            "de werkgever": self.hr,
            "de casemanager": self.casemanager,
            "de bedrijfsarts": self.bedrijfsarts,
            "de arbeidsdeskundige": self.arbeidsdeskundige,
            "de verzekeraar": Actor(
                rol=Rol.VERZEKERAAR, persoon_id="vz-medewerker", organisatie="zeker-verzekerd"
            ),
            "UWV": self.uwv,
            "de werknemer": self.werknemer(next(iter(self.dossiers))),
            "een andere werkgever": Actor(
                rol=Rol.WERKGEVER, persoon_id="hr-ander", organisatie="andere-bakkerij"
            ),
        }
        if aanduiding in vast:
            return vast[aanduiding]
        naam = aanduiding.strip('"')
        return self.personen.get(naam) or self.werknemer(naam)

    def bekijk(self, actor: Actor, op: date | None = None) -> None:
        with clock.frozen_at(_op(op or self.vandaag)):
            beslissing = self.platform.read_decision(actor, self.dossier)
        self.zicht = beslissing.filter(self.historie())

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
        werk.eerste_dossiers.setdefault(naam, resultaat.dossier_id)


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


# Een compleet dossier met alle partijen, en de latere stappen van het proces


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
        werk.moet_lukken(werk.doe(datum, werk.hr, commando, werk.dossier, velden))


def _plan(werk, datum):
    return werk.doe(
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


@given(stap("het plan van aanpak is op " + DATUM + " vastgesteld"))
def plan_vastgesteld(werk, datum):
    werk.moet_lukken(_plan(werk, datum))


def _voortgang(werk, datum, stagnatie: bool):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.casemanager,
            "leg_voortgang_vast",
            werk.dossier,
            {"samenvatting": "opbouw loopt volgens plan", "stagnatie": stagnatie},
        )
    )


@when(stap("de casemanager op " + DATUM + " de voortgang vastlegt"))
def voortgang(werk, datum):
    _voortgang(werk, datum, stagnatie=False)


@when(stap("de casemanager op " + DATUM + " stagnatie vastlegt"))
def stagnatie(werk, datum):
    _voortgang(werk, datum, stagnatie=True)


@when(stap("de casemanager op " + DATUM + " het plan van aanpak bijstelt"))
def bijstelling(werk, datum):
    afspraak = {"wat": "andere taken proberen", "wie": "werkgever", "uiterlijk": "2026-09-01"}
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.casemanager,
            "stel_plan_van_aanpak_bij",
            werk.dossier,
            {"reden": "de opbouw stagneert", "afspraken": [afspraak]},
        )
    )


@when(stap("de bedrijfsarts op " + DATUM + " een consult houdt met een medische verandering"))
def consult_met_verandering(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "leg_consult_vast",
            werk.dossier,
            {"verslag": "klachten toegenomen", "medische_verandering": True},
        )
    )


def _fml(werk, datum, duurzaam: bool):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "stel_belastbaarheid_vast",
            werk.dossier,
            {
                "instrument": "FML",
                "beperkingen": ["niet tillen boven 10 kg", "geen nachtdiensten"],
                "duurzaam_geen_mogelijkheden": duurzaam,
            },
        )
    )


@given(stap("de bedrijfsarts heeft op " + DATUM + " een FML vastgesteld"))
def fml_vastgesteld(werk, datum):
    _fml(werk, datum, duurzaam=False)


@given(
    stap(
        "de bedrijfsarts heeft op " + DATUM + " een FML vastgesteld met duurzaam geen mogelijkheden"
    )
)
def fml_duurzaam_geen(werk, datum):
    _fml(werk, datum, duurzaam=True)


@when(stap("de arbeidsdeskundige op " + DATUM + " een adviesgesprek houdt"))
def adviesgesprek(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.arbeidsdeskundige,
            "leg_adviesgesprek_vast",
            werk.dossier,
            {"verslag": "mogelijkheden in de eigen functie verkend"},
        )
    )


def _rapport(werk, datum, passend_eigen_werk: bool):
    return werk.doe(
        datum,
        werk.arbeidsdeskundige,
        "lever_rapport_op",
        werk.dossier,
        {
            "conclusie": "aangepast werk is mogelijk",
            "passend_eigen_werk": passend_eigen_werk,
            "spoor2_advies": not passend_eigen_werk,
        },
    )


@when(stap("de arbeidsdeskundige op " + DATUM + " het rapport oplevert"))
def rapport(werk, datum):
    _rapport(werk, datum, passend_eigen_werk=True)


@when(
    stap(
        "de arbeidsdeskundige op " + DATUM + " rapporteert dat er mogelijkheden zijn maar geen "
        "passend eigen werk"
    )
)
def rapport_geen_passend_werk(werk, datum):
    werk.moet_lukken(_rapport(werk, datum, passend_eigen_werk=False))


@given(stap("de casemanager heeft op " + DATUM + " de 42-wekenmelding ingediend"))
@when(stap("de casemanager op " + DATUM + " de 42-wekenmelding indient"))
def melding_42_weken(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.casemanager,
            "dien_melding_42_weken_in",
            werk.dossier,
            {"kenmerk": "ZM-42-0001"},
        )
    )


@when(stap("UWV op " + DATUM + " de ontvangst van een WIA-aanvraag bevestigt"))
def ontvangst_bevestigd(werk, datum):
    werk.doe(
        datum, werk.uwv, "registreer_ontvangstbevestiging", werk.dossier, {"kenmerk": "WIA-0001"}
    )


def _eerstejaarsevaluatie(werk, datum, spoor2_nodig: bool, perspectief: bool):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.hr,
            "leg_eerstejaarsevaluatie_vast",
            werk.dossier,
            {
                "conclusie": "terugkeer in eigen werk is niet haalbaar gebleken",
                "spoor2_nodig": spoor2_nodig,
                "perspectief_eigen_werk_binnen_3_maanden": perspectief,
            },
        )
    )


@given(
    stap(
        "de werkgever heeft op " + DATUM + " de eerstejaarsevaluatie vastgelegd met tweede spoor "
        "nodig"
    )
)
@when(stap("de werkgever op " + DATUM + " de eerstejaarsevaluatie vastlegt met tweede spoor nodig"))
def eerstejaarsevaluatie_spoor2(werk, datum):
    _eerstejaarsevaluatie(werk, datum, spoor2_nodig=True, perspectief=False)


@when(
    stap(
        "de werkgever op " + DATUM + " de eerstejaarsevaluatie vastlegt met eigen werk binnen drie "
        "maanden in zicht"
    )
)
def eerstejaarsevaluatie_perspectief(werk, datum):
    _eerstejaarsevaluatie(werk, datum, spoor2_nodig=False, perspectief=True)


@when(stap("de werkgever op " + DATUM + " het tweede spoor start"))
def start_spoor2(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.hr,
            "start_spoor2",
            werk.dossier,
            {"reden": "geen passend werk bij de eigen werkgever"},
        )
    )


@when(stap('"{naam}" op ' + DATUM + " een vervroegde IVA-uitkering aanvraagt"))
def vervroegde_iva(werk, naam, datum):
    werk.moet_lukken(
        werk.doe(datum, werk.werknemer(naam), "vraag_vervroegde_iva_aan", werk.dossiers[naam], {})
    )


def _actueel_oordeel(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "geef_actueel_oordeel",
            werk.dossier,
            {"conclusie": "beperkt belastbaar, geen eigen werk", "benutbare_mogelijkheden": True},
        )
    )


@when(stap("de bedrijfsarts op " + DATUM + " een actueel oordeel geeft"))
def actueel_oordeel(werk, datum):
    _actueel_oordeel(werk, datum)


@when(
    stap(
        "de bedrijfsarts op "
        + DATUM
        + " verklaart dat herstel binnen 26 weken niet te verwachten is"
    )
)
def herstelprognose(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "geef_herstelprognose",
            werk.dossier,
            {"herstel_binnen_26_weken": False, "toelichting": "stabiele beperkingen"},
        )
    )


@when(stap("de casemanager op " + DATUM + " vastlegt dat de WIA-uitnodiging van UWV binnen is"))
def wia_uitnodiging(werk, datum):
    werk.moet_lukken(
        werk.doe(datum, werk.casemanager, "registreer_wia_uitnodiging", werk.dossier, {})
    )


@given(stap("alle onderdelen van het re-integratieverslag zijn vastgelegd op " + DATUM))
def alle_riv_onderdelen(werk, datum):
    _probleemanalyse(werk, datum, "CANARY-rugklachten")
    werk.moet_lukken(_plan(werk, datum))
    _eerstejaarsevaluatie(werk, datum, spoor2_nodig=True, perspectief=False)
    _actueel_oordeel(werk, datum)
    for actor, commando, velden in (
        (werk.hr, "leg_eindevaluatie_vast", {"conclusie": "re-integratie afgerond"}),
        (werk.bedrijfsarts, "overhandig_medisch_deel_riv", {"samenvatting": "medisch deel"}),
        (werk.werknemer(next(iter(werk.dossiers))), "leg_zienswijze_vast", {"zienswijze": "eens"}),
    ):
        werk.moet_lukken(werk.doe(datum, actor, commando, werk.dossier, velden))


@given(stap("de casemanager heeft op " + DATUM + " het re-integratieverslag samengesteld"))
@when(stap("de casemanager op " + DATUM + " het re-integratieverslag samenstelt"))
def riv_samenstellen(werk, datum):
    onderdelen = werk.platform.uwv.riv_status(werk.dossier)["aanwezig"]
    werk.doe(datum, werk.casemanager, "stel_riv_samen", werk.dossier, {"onderdelen": onderdelen})


@given(stap('"{naam}" heeft op ' + DATUM + " de WIA-aanvraag ingediend"))
@when(stap('"{naam}" op ' + DATUM + " de WIA-aanvraag indient"))
def wia_aanvraag(werk, naam, datum):
    werk.doe(
        datum,
        werk.werknemer(naam),
        "dien_wia_aanvraag_in",
        werk.dossiers[naam],
        {"kenmerk": "WIA-0001"},
    )


@when(
    stap(
        "UWV op " + DATUM + " besluit tot een {uitkomst}-uitkering bij {procent:d} procent "
        "arbeidsongeschiktheid"
    )
)
def wia_besluit(werk, datum, uitkomst, procent):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.uwv,
            "registreer_wia_besluit",
            werk.dossier,
            {"uitkomst": uitkomst, "arbeidsongeschiktheid_percentage": procent},
        )
    )


@when(
    stap(
        "UWV op " + DATUM + " de re-integratie {oordeel} vindt met een loonsanctie tot {tot:Datum}"
    )
)
def riv_toets(werk, datum, oordeel, tot):
    werk.doe(
        datum,
        werk.uwv,
        "registreer_riv_toets",
        werk.dossier,
        {
            "voldoende": oordeel == "voldoende",
            "loonsanctie_tot": tot.isoformat(),
            "motivering": "tweede spoor te laat gestart",
        },
    )


@when(
    stap(
        "de werkgever op " + DATUM + " op gezamenlijk verzoek de loondoorbetaling {weken:d} weken "
        "verlengt"
    )
)
def verlenging(werk, datum, weken):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.hr,
            "verleng_loondoorbetaling",
            werk.dossier,
            {"reden": "gezamenlijk_verzoek", "weken": weken},
        )
    )


def _deskundigenoordeel(werk, actor, datum, vraag):
    aanvrager = "werknemer" if actor.rol == Rol.WERKNEMER else "werkgever"
    werk.doe(
        datum,
        actor,
        "vraag_deskundigenoordeel_aan",
        werk.dossier,
        {"vraag": vraag, "aanvrager": aanvrager},
    )


@when(stap('"{naam}" op ' + DATUM + ' een deskundigenoordeel aanvraagt over "{vraag}"'))
def deskundigenoordeel_werknemer(werk, naam, datum, vraag):
    _deskundigenoordeel(werk, werk.werknemer(naam), datum, vraag)


@when(stap("de werkgever op " + DATUM + ' een deskundigenoordeel aanvraagt over "{vraag}"'))
def deskundigenoordeel_werkgever(werk, datum, vraag):
    _deskundigenoordeel(werk, werk.hr, datum, vraag)


@given(stap("de werkgever heeft op " + DATUM + " herstel gemeld per {per:Datum}"))
@when(stap("de werkgever op " + DATUM + " herstel meldt per {per:Datum}"))
def herstel(werk, datum, per):
    werk.doe(datum, werk.hr, "registreer_herstel", werk.dossier, {}, geldig_op=per)


@when(
    stap("de werkgever op " + DATUM + ' meldt dat "{naam}" nog voor {procent:d} procent verzuimt')
)
def gedeeltelijk_herstel(werk, datum, naam, procent):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.hr,
            "wijzig_verzuimpercentage",
            werk.dossiers[naam],
            {"verzuimpercentage": procent},
        )
    )


@then(stap('is dat vastgelegd als "{soort}"'))
def vastgelegd_als(werk, soort):
    assert werk.fout is None, f"geweigerd: {werk.fout}"
    assert soort in [type(e).__name__ for s, e in werk.historie()]


@then(stap('wordt dit geweigerd met de ontbrekende onderdelen "{lijst}"'))
def ontbrekende_onderdelen(werk, lijst):
    assert isinstance(werk.fout, RivIncomplete), f"verwacht een onvolledig RIV, kreeg {werk.fout!r}"
    assert werk.fout.missing == lijst.split(", ")


@then("telt het deskundigenoordeel mee in het re-integratieverslag")
def deskundigenoordeel_in_riv(werk):
    assert werk.fout is None, f"geweigerd: {werk.fout}"
    assert "deskundigenoordeel" in werk.platform.uwv.riv_status(werk.dossier)["aanwezig"]


@then(stap("hoort die ziekmelding bij {welk} dossier"))
def hoort_bij_dossier(werk, welk):
    assert werk.fout is None, f"geweigerd: {werk.fout}"
    ((naam, dossier_id),) = werk.dossiers.items()
    zelfde = dossier_id == werk.eerste_dossiers[naam]
    assert zelfde == (welk == "hetzelfde")


@then(stap("is de hersteldatum " + DATUM + " maar vastgelegd op {vastgelegd:Datum}"))
def hersteldatum(werk, datum, vastgelegd):
    (herstel,) = [
        e for s, e in werk.historie() if type(e).__name__ == "HerstelmeldingGeregistreerd"
    ]
    assert (herstel.geldig_op, herstel.timestamp.date()) == (datum, vastgelegd)


# Privacy: wat partijen mogen vastleggen en zien


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
    _ziekmelding(werk, naam, datum, **{veld: _waarde(waarde)})


@then(stap('is de ziekmelding vastgelegd met "{veld}"'))
def ziekmelding_met(werk, veld):
    assert werk.fout is None, f"geweigerd: {werk.fout}"
    naam = next(n for n in werk.dossiers if n != next(iter(werk.dossiers)))
    meldingen = [
        e
        for s, e in werk.platform.history(werk.dossiers[naam])
        if type(e).__name__ == "ZiekmeldingGeregistreerd"
    ]
    assert meldingen[0].data[veld] not in (None, False)


@given(stap('de werkgever heeft de verzekeraar "{verzekeraar}" geinformeerd op ' + DATUM))
def verzekeraar_geinformeerd(werk, verzekeraar, datum):
    informeert_verzekeraar(werk, verzekeraar, datum)


@given(
    stap("de bedrijfsarts heeft op " + DATUM + ' de probleemanalyse opgeleverd met diagnose "{d}"')
)
def probleemanalyse_met_diagnose(werk, datum, d):
    _probleemanalyse(werk, datum, d)


@when(stap("{partij} het dossier bekijkt"))
def bekijkt(werk, partij):
    werk.bekijk(werk.partij(partij))


@when(stap('"{naam}" het dossier bekijkt op ' + DATUM))
def bekijkt_op(werk, naam, datum):
    werk.bekijk(werk.partij(naam), datum)


def _ziet(werk, wat) -> bool:
    return any(wat(type(e).__name__, repr(e.data)) for s, e in werk.zicht)


@then(stap("ziet die de beperkingen: {antwoord}"))
def ziet_beperkingen(werk, antwoord):
    assert _ziet(werk, lambda soort, data: "beperkt in tillen" in data) == (antwoord == "ja")


@then(stap("ziet die de diagnose: {antwoord}"))
def ziet_diagnose(werk, antwoord):
    assert _ziet(werk, lambda soort, data: "CANARY" in data) == (antwoord == "ja")


@then(stap("ziet die de ziekmelding: {antwoord}"))
def ziet_ziekmelding(werk, antwoord):
    gezien = _ziet(werk, lambda soort, data: soort == "ZiekmeldingGeregistreerd")
    assert gezien == (antwoord == "ja")


@then(stap("ziet die de 42-wekenmelding: {antwoord}"))
def ziet_melding(werk, antwoord):
    gezien = _ziet(werk, lambda soort, data: soort == "Melding42WekenIngediend")
    assert gezien == (antwoord == "ja")


@when(stap("de casemanager op " + DATUM + " probeert te oordelen dat er geen medische oorzaak is"))
def casemanager_oordeelt(werk, datum):
    werk.doe(
        datum,
        werk.casemanager,
        "geef_triage_oordeel",
        werk.dossier,
        {"medische_oorzaak": False, "toelichting": "conflict op het werk"},
    )


@when(stap("de werkgever op " + DATUM + " probeert een consult vast te leggen"))
def werkgever_consult(werk, datum):
    werk.doe(datum, werk.hr, "leg_consult_vast", werk.dossier, {"verslag": "rugklachten"})


@then(stap('staan in het toegangslog inzagen van "{a}" en "{b}"'))
def toegangslog(werk, a, b):
    inzagen = {
        regel.principal["persoon_id"]
        for regel in werk.platform.policy.access_log(werk.dossier)
        if regel.actie == "inzage"
    }
    assert {a, b} <= inzagen


# Taakdelegatie


@given(stap('casemanager in taakdelegatie "{naam}" van arbodienst "{arbodienst}"'))
def cmtd(werk, naam, arbodienst):
    werk.personen[naam] = Actor(rol=Rol.CMTD, persoon_id=naam, organisatie=arbodienst)


def _delegeer(werk, naam, datum, taken, tot, heel_caseload: bool):
    werk.delegatie_id = f"del-{naam}-{datum:%Y%m%d}"
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "verleen_taakdelegatie",
        None,
        {
            "delegatie_id": werk.delegatie_id,
            "gedelegeerde_id": naam,
            "taken": taken.split(", "),
            "dossiers": None if heel_caseload else [werk.dossier],
            "tot": tot.isoformat(),
        },
    )


@given(
    stap(
        'de bedrijfsarts heeft "{naam}" op ' + DATUM + ' de taken "{taken}" gedelegeerd voor dit '
        "dossier tot {tot:Datum}"
    )
)
def gedelegeerd(werk, naam, datum, taken, tot):
    _delegeer(werk, naam, datum, taken, tot, heel_caseload=False)
    werk.moet_lukken(None)


@given(
    stap(
        'de bedrijfsarts heeft "{naam}" op ' + DATUM + ' de taken "{taken}" gedelegeerd voor het '
        "hele caseload tot {tot:Datum}"
    )
)
def gedelegeerd_caseload(werk, naam, datum, taken, tot):
    _delegeer(werk, naam, datum, taken, tot, heel_caseload=True)
    werk.moet_lukken(None)


@when(
    stap(
        'de bedrijfsarts "{naam}" op ' + DATUM + ' de taken "{taken}" probeert te delegeren voor '
        "dit dossier tot {tot:Datum}"
    )
)
def probeert_te_delegeren(werk, naam, datum, taken, tot):
    _delegeer(werk, naam, datum, taken, tot, heel_caseload=False)


@given(stap("de bedrijfsarts heeft de delegatie op " + DATUM + " ingetrokken"))
def ingetrokken(werk, datum):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "trek_taakdelegatie_in",
            None,
            {"delegatie_id": werk.delegatie_id},
        )
    )


@when(stap('"{naam}" op ' + DATUM + " triage-informatie vastlegt"))
def legt_triage_informatie_vast(werk, naam, datum):
    werk.doe(
        datum,
        werk.partij(naam),
        "leg_triage_informatie_vast",
        werk.dossier,
        {"aantekening": "klachten sinds een week, slaapt slecht"},
    )


@when(stap('"{naam}" op ' + DATUM + " de werknemer oproept voor het spreekuur op {op:Datum}"))
def roept_op(werk, naam, datum, op):
    werk.doe(
        datum,
        werk.partij(naam),
        "roep_werknemer_op",
        werk.dossier,
        {"datum_consult": op.isoformat()},
    )


@when(stap('"{naam}" op ' + DATUM + ' aan de werkgever rapporteert dat "{wn}" niet kan werken'))
def cmtd_rapporteert(werk, naam, datum, wn):
    werk.doe(
        datum,
        werk.partij(naam),
        "rapporteer_oordeel",
        werk.dossiers[wn],
        {"kan_werken": False, "toelichting": "volgens de bedrijfsarts nu geen mogelijkheden"},
    )


@when(stap('"{naam}" op ' + DATUM + " probeert te oordelen dat er een medische oorzaak is"))
def cmtd_oordeelt(werk, naam, datum):
    werk.doe(
        datum,
        werk.partij(naam),
        "geef_triage_oordeel",
        werk.dossier,
        {"medische_oorzaak": True, "toelichting": "eigen inschatting"},
    )


@when(stap('"{naam}" op ' + DATUM + " medische informatie opvraagt bij de huisarts"))
def cmtd_vraagt_informatie(werk, naam, datum):
    werk.doe(
        datum,
        werk.partij(naam),
        "vraag_medische_informatie_op",
        werk.dossier,
        {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "vraag": "beloop klachten"},
    )


@when(stap("de werkgever op " + DATUM + ' "{naam}" als casemanager aanstelt'))
def stelt_casemanager_aan(werk, datum, naam):
    werk.doe(
        datum, werk.hr, "stel_casemanager_aan", werk.dossier, {"persoon_id": naam, "naam": naam}
    )


# Providerboog


@given(stap('provider "{provider}" staat als {soort} in de catalogus'))
def provider_in_catalogus(werk, provider, soort):
    actor = Actor(rol=Rol.PROVIDER, persoon_id=f"{provider}-admin", organisatie=provider)
    werk.personen[provider] = actor
    werk.moet_lukken(
        werk.doe(
            date(2026, 1, 1),
            actor,
            "registreer_provider",
            None,
            {"provider_id": provider, "naam": provider, "soort": soort},
        )
    )


@given(stap('de bedrijfsarts heeft "{wn}" op ' + DATUM + ' verwezen naar "{provider}"'))
def verwezen(werk, wn, datum, provider):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.bedrijfsarts,
            "verwijs_naar_provider",
            werk.dossiers[wn],
            {"verwijzing_id": "vw-1", "provider_id": provider, "vraagstelling": "CANARY-angst"},
        )
    )


@when(stap('"{provider}" op ' + DATUM + " de verwijzing accepteert"))
def accepteert(werk, provider, datum):
    werk.doe(
        datum,
        werk.partij(provider),
        "accepteer_verwijzing",
        werk.dossier,
        {"verwijzing_id": "vw-1", "provider_id": provider},
    )


@when(stap('"{provider}" op ' + DATUM + " de interventie start"))
def start_interventie(werk, provider, datum):
    werk.doe(
        datum,
        werk.partij(provider),
        "start_interventie",
        werk.dossier,
        {"verwijzing_id": "vw-1", "omschrijving": "kortdurende behandeling"},
    )


@when(stap('"{provider}" op ' + DATUM + ' een voortgangsrapportage indient met "{tekst}"'))
def voortgangsrapportage(werk, provider, datum, tekst):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.partij(provider),
            "dien_voortgangsrapportage_in",
            werk.dossier,
            {"verwijzing_id": "vw-1", "rapportage": tekst},
        )
    )


@when(
    stap(
        '"{provider}" op ' + DATUM + " een factuur van {euro:d} euro indient met specificatie "
        '"{specificatie}"'
    )
)
def factuur(werk, provider, datum, euro, specificatie):
    werk.moet_lukken(
        werk.doe(
            datum,
            werk.partij(provider),
            "dien_factuur_in",
            werk.dossier,
            {
                "factuur_id": "f-1",
                "verwijzing_id": "vw-1",
                "bedrag_centen": euro * 100,
                "omschrijving": "begeleiding",
                "medische_specificatie": specificatie,
            },
        )
    )


@when(stap("de werkgever op " + DATUM + ' "{wn}" probeert te verwijzen naar "{provider}"'))
def werkgever_verwijst(werk, datum, wn, provider):
    werk.doe(
        datum,
        werk.hr,
        "verwijs_naar_provider",
        werk.dossiers[wn],
        {"verwijzing_id": "vw-2", "provider_id": provider, "vraagstelling": "graag snel"},
    )


@then(stap("ziet de werkgever een factuur van {euro:d} euro"))
def werkgever_ziet_factuur(werk, euro):
    werk.bekijk(werk.hr)
    facturen = [e for s, e in werk.zicht if type(e).__name__ == "FactuurIngediend"]
    assert [f.data["bedrag_centen"] for f in facturen] == [euro * 100]


@then(stap('ziet de werkgever niets van "{tekst}"'))
def werkgever_ziet_niets_van(werk, tekst):
    werk.bekijk(werk.hr)
    assert werk.zicht
    assert not _ziet(werk, lambda soort, data: tekst in data)


@then(stap('ziet de bedrijfsarts "{a}" en "{b}"'))
def bedrijfsarts_ziet(werk, a, b):
    werk.bekijk(werk.bedrijfsarts)
    assert _ziet(werk, lambda soort, data: a in data)
    assert _ziet(werk, lambda soort, data: b in data)
