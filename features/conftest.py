"""Step definitions for the WVP features.

Every step acts as a party through the GraphQL API, the way a client of the platform would: a
command is the matching mutation, sent with a bearer token minted for the acting party; a read is
a query as the party whose view the text names. The app runs in-process over HTTP semantics
(Starlette's TestClient), one per scenario on its own data directory. The clock is frozen at the
step's date around each request, so recorded time follows the dates in the text.
"""

import inspect
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when
from starlette.exceptions import StarletteDeprecationWarning

from events import Actor, Rol
from gateway.app import create_app
from gateway.auth import mint_token
from gateway.settings import GatewaySettings
from services.shared import clock
from wvp.runtime import running

with warnings.catch_warnings():
    # Starlette asks for its httpx fork; the plain httpx it finds works the same for these steps.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

DATUM = "{datum:Datum}"
GEHEIM = "hs256-secret-of-the-features-only-0123456789"


def _datum(tekst: str) -> date:
    return date.fromisoformat(tekst)


_datum.pattern = r"\d{4}-\d{2}-\d{2}"


def stap(patroon: str):
    """A step pattern in which {name:Datum} is an ISO date such as 2026-03-02."""
    return parsers.parse(patroon, extra_types={"Datum": _datum})


def _op(datum: date) -> datetime:
    """The moment a step happens on `datum`."""
    return datetime.combine(datum, time(9), tzinfo=UTC)


def _bekend_op(datum: date) -> datetime:
    """Known on `datum`: everything recorded by the end of that day counts."""
    return datetime.combine(datum, time(23, 59, 59), tzinfo=UTC)


def _camel(naam: str) -> str:
    kop, *rest = naam.split("_")
    return kop + "".join(deel.capitalize() for deel in rest)


class Keuze(str):
    """A GraphQL enum value, written bare (PSYCHOLOOG, not "psycholoog")."""


def _literal(waarde) -> str:
    """A value as a GraphQL input literal; dictionary keys become the camelCase field names.

    Inputs are written into the document instead of sent as variables: the API then names a
    wrong value (an unknown field, a choice outside an enum) in its error, which the refusal
    steps read.
    """
    if waarde is None:
        return "null"
    if isinstance(waarde, Keuze):
        return str(waarde)
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, date):
        return json.dumps(waarde.isoformat())
    if isinstance(waarde, str):
        return json.dumps(waarde)
    if isinstance(waarde, list):
        return "[" + ", ".join(_literal(w) for w in waarde) + "]"
    return "{" + ", ".join(f"{_camel(k)}: {_literal(w)}" for k, w in waarde.items()) + "}"


def _keuzes(tekst: str) -> list[Keuze]:
    return [Keuze(t.upper()) for t in tekst.split(", ")]


TELLING = "{ caseload(first: 100) { totalCount edges { node { timeline { id } } } } }"
ZICHT = """query($id: ID!, $asOf: Date, $knownAt: DateTime) {
  dossier(id: $id, asOf: $asOf, knownAt: $knownAt) {
    timeline { type service classificatie geldigOp recordedAt payload }
  }
}"""
KALENDER = """query($id: ID!, $peildatum: Date!) {
  dossier(id: $id) {
    kalender(peildatum: $peildatum) {
      code status uiterlijk classificatie vastgelegdOp teLaatVastgelegd
    }
  }
}"""
DELEGATIES = "{ taakdelegaties { delegatieId gedelegeerdeId taken dossiers tot ingetrokkenOp } }"
CATALOGUS = "{ providers { providerId naam soort } }"


class Dossierwerk:
    """What a scenario knows: the API, the parties by name, and the last outcome."""

    def __init__(self, client: TestClient, settings: GatewaySettings):
        self.client = client
        self.settings = settings
        self.werkgever_id = ""
        self.hr: Actor | None = None
        self.bedrijfsarts: Actor | None = None
        self.casemanager: Actor | None = None
        self.arbeidsdeskundige: Actor | None = None
        self.uwv = Actor(rol=Rol.UWV, persoon_id="uwv-beoordelaar", organisatie="uwv")
        self.dossiers: dict[str, str] = {}
        self.eerste_dossiers: dict[str, str] = {}
        self.werknemers: set[str] = set()  # everyone a ziekmelding was tried for
        self.personen: dict[str, Actor] = {}  # CMTDs and providers, by name
        self.fout: dict | None = None  # the GraphQL error of the last command, if refused
        self.vastgelegd: list[str] = []  # the fact types the last command recorded
        self.telling_voor: tuple[int, tuple | None] | None = None
        self.vandaag: date | None = None  # the date of the last step: reads happen then
        self.zicht: list[dict] = []  # the timeline the last party to look at the dossier saw
        self.blik: tuple[Actor, dict] | None = None  # who looked last, and at which time cut
        self.verplichting_van: tuple[dict, Actor] | None = None  # last row read, and its reader

    @property
    def dossier(self) -> str:
        (dossier_id,) = self.dossiers.values()
        return dossier_id

    def werknemer(self, naam: str) -> Actor:
        return Actor(rol=Rol.WERKNEMER, persoon_id=naam, organisatie=self.werkgever_id)

    # Talking to the API

    def graphql(self, actor: Actor, document: str, op: date, **variabelen) -> dict:
        """Send one operation as `actor` on `op`; the whole answer, errors included."""
        token = mint_token(self.settings, actor.rol.value, actor.persoon_id, actor.organisatie)
        with clock.frozen_at(_op(op)):
            antwoord = self.client.post(
                "/graphql",
                json={"query": document, "variables": variabelen},
                headers={"Authorization": f"Bearer {token}"},
            )
        assert antwoord.status_code == 200, antwoord.text
        return antwoord.json()

    def vraag(self, actor: Actor, document: str, op: date | None = None, **variabelen) -> dict:
        """A query that must be answered in full."""
        antwoord = self.graphql(actor, document, op or self.vandaag, **variabelen)
        assert not antwoord.get("errors"), antwoord["errors"]
        return antwoord["data"]

    def lees(self, actor: Actor, velden: str, dossier_id: str | None = None) -> dict:
        """`velden` of the dossier as `actor` reads it on the day of the last step."""
        document = f"query($id: ID!) {{ dossier(id: $id) {{ {velden} }} }}"
        return self.vraag(actor, document, id=dossier_id or self.dossier)["dossier"]

    def _stuur(self, datum, actor, commando, dossier_id, velden, geldig_op) -> dict | None:
        self.vandaag = datum
        mutatie = _camel(commando)
        invoer = _literal({"geldig_op": geldig_op or datum, **velden})
        dossier = f"dossierId: {json.dumps(dossier_id)}, " if dossier_id else ""
        document = (
            f"mutation {{ {mutatie}({dossier}input: {invoer}) {{ dossierId events {{ type }} }} }}"
        )
        antwoord = self.graphql(actor, document, datum)
        fouten = antwoord.get("errors")
        self.fout = fouten[0] if fouten else None
        uitkomst = None if fouten else antwoord["data"][mutatie]
        self.vastgelegd = [e["type"] for e in uitkomst["events"]] if uitkomst else []
        return uitkomst

    def doe(self, datum, actor, commando, dossier_id, velden, geldig_op=None) -> dict:
        """`actor` records on `datum` what took effect on `geldig_op` (default: the same day).

        The command must be accepted.
        """
        uitkomst = self._stuur(datum, actor, commando, dossier_id, velden, geldig_op)
        assert self.fout is None, f"onverwacht geweigerd: {self.fout}"
        return uitkomst

    def probeer(self, datum, actor, commando, dossier_id, velden, geldig_op=None) -> dict | None:
        """Like `doe`, but a refusal is kept for the Dan-steps, with a count of what was there."""
        buiten_dossier = dossier_id is None and commando != "registreer_ziekmelding"
        self.telling_voor = self.telling(datum, buiten_dossier)
        return self._stuur(datum, actor, commando, dossier_id, velden, geldig_op)

    def moet_gelukt_zijn(self) -> None:
        assert self.fout is None, f"geweigerd: {self.fout}"

    # Reading

    def telling(self, op: date, buiten_dossier: bool) -> tuple[int, tuple | None]:
        """How much is recorded: the dossiers of every werknemer and their facts, as each
        werknemer reads them (all of their own dossier); for commands outside any dossier also
        the delegations as the bedrijfsarts reads them and the provider catalogue as the
        werkgever reads it."""
        zichtbaar = 0
        for naam in sorted(self.werknemers):
            caseload = self.vraag(self.werknemer(naam), TELLING, op)["caseload"]
            feiten = sum(len(e["node"]["timeline"]) for e in caseload["edges"])
            zichtbaar += caseload["totalCount"] + feiten
        if not buiten_dossier:
            return zichtbaar, None
        delegaties = self.vraag(self.bedrijfsarts, DELEGATIES, op)["taakdelegaties"]
        return zichtbaar, (delegaties, self.vraag(self.hr, CATALOGUS, op)["providers"])

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

    def bekijk(self, actor: Actor, op: date | None = None, **snede) -> None:
        """`actor` looks at the dossier, optionally cut by `asOf` and `knownAt`; a refused look
        shows nothing."""
        antwoord = self.graphql(actor, ZICHT, op or self.vandaag, id=self.dossier, **snede)
        dossier = (antwoord.get("data") or {}).get("dossier")
        if dossier is None:
            codes = [f["extensions"]["code"] for f in antwoord["errors"]]
            assert codes == ["FORBIDDEN"], antwoord["errors"]
            self.zicht = []
        else:
            assert not antwoord.get("errors"), antwoord["errors"]
            self.zicht = dossier["timeline"]
        self.blik = (actor, snede)

    def in_blik(self, velden: str) -> dict:
        """`velden` of the dossier in the last party's view, at the same time cut."""
        actor, snede = self.blik
        document = (
            "query($id: ID!, $asOf: Date, $knownAt: DateTime) "
            f"{{ dossier(id: $id, asOf: $asOf, knownAt: $knownAt) {{ {velden} }} }}"
        )
        return self.vraag(actor, document, id=self.dossier, **snede)["dossier"]

    def verplichting(self, code: str, peildatum: date) -> dict:
        """A row of the calendar as the werkgever reads it; a row of a kind the werkgever may not
        see (medical) as the bedrijfsarts reads it."""
        for lezer in (self.hr, self.bedrijfsarts):
            kalender = self.vraag(lezer, KALENDER, id=self.dossier, peildatum=peildatum.isoformat())
            rijen = {r["code"]: r for r in kalender["dossier"]["kalender"]}
            if code in rijen:
                self.verplichting_van = (rijen[code], lezer)
                return rijen[code]
        raise AssertionError(f"geen verplichting {code}; wel: {sorted(rijen)}")


def pytest_configure(config):
    # Feature tags become pytest marks (select with -m); register them so pytest knows them.
    for feature in Path(__file__).parent.glob("*.feature"):
        for tag in set(re.findall(r"@([\w-]+)", feature.read_text())):
            config.addinivalue_line("markers", f"{tag}: feature tag")


@pytest.fixture
def werk(tmp_path):
    settings = GatewaySettings(data_dir=tmp_path, jwt_secret=GEHEIM)
    with (
        running({"WVP_DATA_DIR": str(tmp_path)}) as platform,
        TestClient(create_app(platform, settings)) as client,
    ):
        yield Dossierwerk(client, settings)


# Partijen


@given(stap('werkgever "{werkgever}" met HR-medewerker "{hr}"'))
def werkgever_met_hr(werk, werkgever, hr):
    werk.werkgever_id = werkgever
    werk.hr = Actor(rol=Rol.WERKGEVER, persoon_id=hr, organisatie=werkgever)


@given(stap('bedrijfsarts "{ba}" van arbodienst "{arbodienst}"'))
def bedrijfsarts_van(werk, ba, arbodienst):
    werk.bedrijfsarts = Actor(rol=Rol.BEDRIJFSARTS, persoon_id=ba, organisatie=arbodienst)


@given(stap('casemanager in taakdelegatie "{naam}" van arbodienst "{arbodienst}"'))
def cmtd(werk, naam, arbodienst):
    werk.personen[naam] = Actor(rol=Rol.CMTD, persoon_id=naam, organisatie=arbodienst)


@given(stap('provider "{provider}" staat als {soort} in de catalogus'))
def provider_in_catalogus(werk, provider, soort):
    actor = Actor(rol=Rol.PROVIDER, persoon_id=f"{provider}-admin", organisatie=provider)
    werk.personen[provider] = actor
    werk.doe(
        date(2026, 1, 1),
        actor,
        "registreer_provider",
        None,
        {"provider_id": provider, "naam": provider, "soort": Keuze(soort.upper())},
    )


# Stappen die één commando sturen
#
# Most steps are one command: a party sends it on the scenario's dossier, with fields taken from
# the step's text. Each `Opdracht` below is one such command and the step texts (Gegeven, Als)
# that send it; the loop after the table makes them steps. Steps that do more are functions
# further down.


@dataclass(frozen=True)
class Opdracht:
    """One command behind a Gegeven and/or an Als text.

    `door`: the acting party as `Dossierwerk.partij` knows it ("de werkgever", "UWV"), or a
    parameter of the text ("{naam}"). `velden`: the fields, or a function from the text's
    parameters to them. `dossier`: the parameter naming the werknemer whose dossier it is (None:
    the scenario's only dossier). `geldig_op`: the parameter holding the valid date (None: the
    step's date). `probeer`: a refusal is kept for the Dan-steps instead of failing the step.
    """

    door: str
    commando: str
    velden: dict | Callable[[dict], dict]
    gegeven: str | None = None
    als: str | None = None
    dossier: str | None = None
    geldig_op: str | None = None
    probeer: bool = False

    def stuur(self, werk: Dossierwerk, p: dict) -> None:
        uitvoeren = werk.probeer if self.probeer else werk.doe
        uitvoeren(
            p["datum"],
            werk.partij(self.door.format(**p)),
            self.commando,
            werk.dossiers[p[self.dossier]] if self.dossier else werk.dossier,
            self.velden(p) if callable(self.velden) else self.velden,
            p[self.geldig_op] if self.geldig_op else None,
        )


HUISARTS = {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "vraag": "beloop klachten"}
PLAN = {
    "doel": "terugkeer in eigen werk",
    "afspraken": [
        {"wat": "start met 2 uur per dag", "wie": "werknemer", "uiterlijk": "2026-06-01"}
    ],
    "financiele_gevolgen_uitgelegd": True,
}
ACTUEEL_OORDEEL = {
    "conclusie": "beperkt belastbaar, geen eigen werk",
    "benutbare_mogelijkheden": True,
}


def _triage(medisch: bool, psychisch: bool = False) -> dict:
    return {
        "medische_oorzaak": medisch,
        "psychische_klachten": psychisch,
        "toelichting": "telefonische triage",
    }


def _probleemanalyse(diagnose: str) -> dict:
    return {
        "mogelijkheden": "korte diensten, zittend werk",
        "beperkingen": "beperkt in tillen en langdurig staan",
        "advies": "opbouw in uren over zes weken",
        "diagnose": diagnose,
    }


FML_BEPERKINGEN = ["niet tillen boven 10 kg", "geen nachtdiensten"]


def _fml(beperkingen: list[str], duurzaam: bool) -> dict:
    return {
        "instrument": Keuze("FML"),
        "beperkingen": beperkingen,
        "duurzaam_geen_mogelijkheden": duurzaam,
    }


def _eerstejaarsevaluatie(spoor2_nodig: bool, perspectief: bool) -> dict:
    return {
        "conclusie": "terugkeer in eigen werk is niet haalbaar gebleken",
        "spoor2_nodig": spoor2_nodig,
        "perspectief_eigen_werk_binnen_3_maanden": perspectief,
    }


def _rapport(passend_eigen_werk: bool) -> dict:
    return {
        "conclusie": "aangepast werk is mogelijk",
        "passend_eigen_werk": passend_eigen_werk,
        "spoor2_advies": not passend_eigen_werk,
    }


def _deskundigenoordeel(aanvrager: str) -> Callable[[dict], dict]:
    return lambda p: {"vraag": Keuze(p["vraag"].upper()), "aanvrager": Keuze(aanvrager)}


# One row per command: who sends it, the command, its fields, then the texts that send it (a
# long text runs on over two lines). Laid out by hand, as a table.
# fmt: off
OPDRACHTEN = (
    # De werkgever
    Opdracht("de werkgever", "informeer_verzekeraar",
             lambda p: {"verzekeraar_id": p["verzekeraar"], "melding": "start"},
             gegeven='de werkgever heeft de verzekeraar "{verzekeraar}" geinformeerd op '
             "{datum:Datum}",
             als='de werkgever de verzekeraar "{verzekeraar}" informeert op {datum:Datum}'),
    Opdracht("de werkgever", "leg_gesprek_vast",
             {"onderwerp": Keuze("PROBLEEMANALYSE"), "verslag": "afspraken over opbouw besproken"},
             als='de werkgever op {datum:Datum} de probleemanalyse met "{naam}" bespreekt',
             dossier="naam"),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             als="de werkgever op {datum:Datum} het plan van aanpak vaststelt", probeer=True),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             gegeven="het plan van aanpak is op {datum:Datum} vastgesteld"),
    Opdracht("de werkgever", "stel_plan_van_aanpak_vast", PLAN,
             als="de werkgever op {datum:Datum} het plan van aanpak vastlegt dat gold per "
             "{per:Datum}",
             geldig_op="per", probeer=True),
    Opdracht("de werkgever", "leg_eerstejaarsevaluatie_vast",
             _eerstejaarsevaluatie(spoor2_nodig=True, perspectief=False),
             gegeven="de werkgever heeft op {datum:Datum} de eerstejaarsevaluatie vastgelegd met "
             "tweede spoor nodig",
             als="de werkgever op {datum:Datum} de eerstejaarsevaluatie vastlegt met tweede spoor "
             "nodig"),
    Opdracht("de werkgever", "leg_eerstejaarsevaluatie_vast",
             _eerstejaarsevaluatie(spoor2_nodig=False, perspectief=True),
             als="de werkgever op {datum:Datum} de eerstejaarsevaluatie vastlegt met eigen werk "
             "binnen drie maanden in zicht"),
    Opdracht("de werkgever", "start_spoor2", {"reden": "geen passend werk bij de eigen werkgever"},
             als="de werkgever op {datum:Datum} het tweede spoor start"),
    Opdracht("de werkgever", "verleng_loondoorbetaling",
             lambda p: {"reden": Keuze("GEZAMENLIJK_VERZOEK"), "weken": p["weken"]},
             als="de werkgever op {datum:Datum} op gezamenlijk verzoek de loondoorbetaling "
             "{weken:d} weken verlengt"),
    Opdracht("de werkgever", "vraag_deskundigenoordeel_aan", _deskundigenoordeel("WERKGEVER"),
             als='de werkgever op {datum:Datum} een deskundigenoordeel aanvraagt over "{vraag}"',
             probeer=True),
    Opdracht("de werkgever", "registreer_herstel", {},
             gegeven="de werkgever heeft op {datum:Datum} herstel gemeld per {per:Datum}",
             als="de werkgever op {datum:Datum} herstel meldt per {per:Datum}",
             geldig_op="per", probeer=True),
    Opdracht("de werkgever", "wijzig_verzuimpercentage",
             lambda p: {"verzuimpercentage": p["procent"]},
             als='de werkgever op {datum:Datum} meldt dat "{naam}" nog voor {procent:d} procent '
             "verzuimt",
             dossier="naam"),
    Opdracht("de werkgever", "wijzig_verzuimpercentage",
             lambda p: {"verzuimpercentage": p["procent"]},
             gegeven='de werkgever heeft op {datum:Datum} gemeld dat "{naam}" per {per:Datum} nog '
             "voor {procent:d} procent verzuimt",
             dossier="naam", geldig_op="per"),
    Opdracht("de werkgever", "leg_consult_vast", {"verslag": "rugklachten"},
             als="de werkgever op {datum:Datum} probeert een consult vast te leggen", probeer=True),
    Opdracht("de werkgever", "stel_casemanager_aan",
             lambda p: {"persoon_id": p["naam"], "naam": p["naam"]},
             als='de werkgever op {datum:Datum} "{naam}" als casemanager aanstelt', probeer=True),
    Opdracht("de werkgever", "verwijs_naar_provider",
             lambda p: {"verwijzing_id": "vw-2", "provider_id": p["provider"],
                        "vraagstelling": "graag snel"},
             als='de werkgever op {datum:Datum} "{wn}" probeert te verwijzen naar "{provider}"',
             dossier="wn", probeer=True),
    # De bedrijfsarts
    Opdracht("de bedrijfsarts", "voer_screening_uit", lambda p: {"prioriteit": p["prioriteit"]},
             als="de bedrijfsarts op {datum:Datum} screent met prioriteit {prioriteit:d}"),
    Opdracht("de bedrijfsarts", "leg_consult_vast", {"verslag": "spreekuur"},
             als="de bedrijfsarts op {datum:Datum} een consult houdt"),
    Opdracht("de bedrijfsarts", "leg_consult_vast",
             {"verslag": "klachten toegenomen", "medische_verandering": True},
             als="de bedrijfsarts op {datum:Datum} een consult houdt met een medische verandering"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", _triage(medisch=True),
             gegeven="de bedrijfsarts heeft op {datum:Datum} geoordeeld dat er een medische "
             "oorzaak is",
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er een medische oorzaak is"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", _triage(medisch=True, psychisch=True),
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er een medische oorzaak is met "
             "psychische klachten"),
    Opdracht("de bedrijfsarts", "geef_triage_oordeel", _triage(medisch=False),
             als="de bedrijfsarts op {datum:Datum} oordeelt dat er geen medische oorzaak is"),
    Opdracht("de bedrijfsarts", "rapporteer_oordeel",
             {"kan_werken": False, "toelichting": "nu geen mogelijkheden voor eigen werk"},
             als='de bedrijfsarts op {datum:Datum} aan de werkgever rapporteert dat "{naam}" niet '
             "kan werken",
             dossier="naam"),
    Opdracht("de bedrijfsarts", "vraag_medische_informatie_op", HUISARTS,
             als="de bedrijfsarts op {datum:Datum} medische informatie opvraagt bij de huisarts",
             probeer=True),
    Opdracht("de bedrijfsarts", "lever_probleemanalyse_op", _probleemanalyse("CANARY-rugklachten"),
             gegeven="de bedrijfsarts heeft op {datum:Datum} de probleemanalyse opgeleverd"),
    Opdracht("de bedrijfsarts", "lever_probleemanalyse_op",
             lambda p: _probleemanalyse(p["diagnose"]),
             gegeven="de bedrijfsarts heeft op {datum:Datum} de probleemanalyse opgeleverd met "
             'diagnose "{diagnose}"',
             als='de bedrijfsarts op {datum:Datum} de probleemanalyse oplevert met diagnose '
             '"{diagnose}"'),
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast", _fml(FML_BEPERKINGEN, duurzaam=False),
             gegeven="de bedrijfsarts heeft op {datum:Datum} een FML vastgesteld"),
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast", _fml(FML_BEPERKINGEN, duurzaam=True),
             gegeven="de bedrijfsarts heeft op {datum:Datum} een FML vastgesteld met duurzaam geen "
             "mogelijkheden"),
    Opdracht("de bedrijfsarts", "stel_belastbaarheid_vast",
             _fml(["geen belastbaarheid voor arbeid"], duurzaam=True),
             als="de bedrijfsarts op {datum:Datum} een FML vaststelt met duurzaam geen "
             "mogelijkheden"),
    Opdracht("de bedrijfsarts", "geef_actueel_oordeel", ACTUEEL_OORDEEL,
             als="de bedrijfsarts op {datum:Datum} een actueel oordeel geeft"),
    Opdracht("de bedrijfsarts", "geef_herstelprognose",
             {"herstel_binnen_26_weken": False, "toelichting": "stabiele beperkingen"},
             als="de bedrijfsarts op {datum:Datum} verklaart dat herstel binnen 26 weken niet te "
             "verwachten is"),
    Opdracht("de bedrijfsarts", "verwijs_naar_provider",
             lambda p: {"verwijzing_id": "vw-1", "provider_id": p["provider"],
                        "vraagstelling": "CANARY-angst"},
             gegeven='de bedrijfsarts heeft "{wn}" op {datum:Datum} verwezen naar "{provider}"',
             dossier="wn"),
    # De casemanager
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
    Opdracht("de werkgever", "registreer_riv_toets",
             {"voldoende": True, "motivering": "volgens de werkgever voldoende"},
             als="de werkgever op {datum:Datum} zelf vastlegt dat UWV het re-integratieverslag "
             "voldoende vond",
             probeer=True),
    Opdracht("de casemanager", "dien_wia_aanvraag_in", {"kenmerk": "WIA-0001"},
             als='de casemanager op {datum:Datum} de WIA-aanvraag namens "{naam}" indient',
             dossier="naam", probeer=True),
    Opdracht("de casemanager", "registreer_uwv_brief",
             lambda p: {"gedateerd": p["gedateerd"], "kenmerk": "UWV-BRIEF-1",
                        "soort": Keuze("RIV_TOETS"),
                        "samenvatting": "UWV vindt de re-integratie-inspanningen voldoende"},
             als="de casemanager op {datum:Datum} een brief van UWV van {gedateerd:Datum} over de "
             "toets van het re-integratieverslag vastlegt",
             probeer=True),
    Opdracht("de casemanager", "dien_melding_42_weken_in", {"kenmerk": "ZM-42-0001"},
             gegeven="de casemanager heeft op {datum:Datum} de 42-wekenmelding ingediend",
             als="de casemanager op {datum:Datum} de 42-wekenmelding indient"),
    Opdracht("de casemanager", "registreer_wia_uitnodiging", {},
             als="de casemanager op {datum:Datum} vastlegt dat de WIA-uitnodiging van UWV binnen "
             "is"),
    Opdracht("de casemanager", "geef_triage_oordeel",
             {"medische_oorzaak": False, "toelichting": "conflict op het werk"},
             als="de casemanager op {datum:Datum} probeert te oordelen dat er geen medische "
             "oorzaak is",
             probeer=True),
    # De arbeidsdeskundige
    Opdracht("de arbeidsdeskundige", "leg_adviesgesprek_vast",
             {"verslag": "mogelijkheden in de eigen functie verkend"},
             als="de arbeidsdeskundige op {datum:Datum} een adviesgesprek houdt"),
    Opdracht("de arbeidsdeskundige", "lever_rapport_op", _rapport(passend_eigen_werk=True),
             als="de arbeidsdeskundige op {datum:Datum} het rapport oplevert", probeer=True),
    Opdracht("de arbeidsdeskundige", "lever_rapport_op", _rapport(passend_eigen_werk=False),
             als="de arbeidsdeskundige op {datum:Datum} rapporteert dat er mogelijkheden zijn "
             "maar geen passend eigen werk"),
    # UWV
    Opdracht("UWV", "registreer_ontvangstbevestiging", {"kenmerk": "WIA-0001"},
             als="UWV op {datum:Datum} de ontvangst van een WIA-aanvraag bevestigt", probeer=True),
    Opdracht("UWV", "registreer_wia_besluit",
             lambda p: {"uitkomst": Keuze(p["uitkomst"]),
                        "arbeidsongeschiktheid_percentage": p["procent"]},
             als="UWV op {datum:Datum} besluit tot een {uitkomst}-uitkering bij {procent:d} "
             "procent arbeidsongeschiktheid"),
    Opdracht("UWV", "registreer_riv_toets",
             lambda p: {"voldoende": p["oordeel"] == "voldoende", "loonsanctie_tot": p["tot"],
                        "motivering": "tweede spoor te laat gestart"},
             als="UWV op {datum:Datum} de re-integratie {oordeel} vindt met een loonsanctie tot "
             "{tot:Datum}",
             probeer=True),
    # De werknemer, bij naam
    Opdracht("{naam}", "registreer_toestemming",
             {"toestemming_id": "t-huisarts", "behandelaar": "huisarts", "doel": "beloop klachten"},
             als='"{naam}" op {datum:Datum} toestemming geeft voor informatie van de huisarts',
             dossier="naam"),
    Opdracht("{naam}", "vraag_vervroegde_iva_aan", {},
             als='"{naam}" op {datum:Datum} een vervroegde IVA-uitkering aanvraagt',
             dossier="naam"),
    Opdracht("{naam}", "dien_wia_aanvraag_in", {"kenmerk": "WIA-0001"},
             gegeven='"{naam}" heeft op {datum:Datum} de WIA-aanvraag ingediend',
             als='"{naam}" op {datum:Datum} de WIA-aanvraag indient',
             dossier="naam", probeer=True),
    Opdracht("{naam}", "vraag_deskundigenoordeel_aan", _deskundigenoordeel("WERKNEMER"),
             als='"{naam}" op {datum:Datum} een deskundigenoordeel aanvraagt over "{vraag}"',
             probeer=True),
    # Een casemanager in taakdelegatie, bij naam
    Opdracht("{naam}", "leg_triage_informatie_vast",
             {"aantekening": "klachten sinds een week, slaapt slecht"},
             als='"{naam}" op {datum:Datum} triage-informatie vastlegt', probeer=True),
    Opdracht("{naam}", "roep_werknemer_op", lambda p: {"datum_consult": p["op"]},
             als='"{naam}" op {datum:Datum} de werknemer oproept voor het spreekuur op {op:Datum}',
             probeer=True),
    Opdracht("{naam}", "rapporteer_oordeel",
             {"kan_werken": False, "toelichting": "volgens de bedrijfsarts nu geen mogelijkheden"},
             als='"{naam}" op {datum:Datum} aan de werkgever rapporteert dat "{wn}" niet kan '
             "werken",
             dossier="wn", probeer=True),
    Opdracht("{naam}", "geef_triage_oordeel",
             {"medische_oorzaak": True, "toelichting": "eigen inschatting"},
             als='"{naam}" op {datum:Datum} probeert te oordelen dat er een medische oorzaak is',
             probeer=True),
    Opdracht("{naam}", "vraag_medische_informatie_op", HUISARTS,
             als='"{naam}" op {datum:Datum} medische informatie opvraagt bij de huisarts',
             probeer=True),
    # Een provider, bij naam
    Opdracht("{provider}", "accepteer_verwijzing",
             lambda p: {"verwijzing_id": "vw-1", "provider_id": p["provider"]},
             als='"{provider}" op {datum:Datum} de verwijzing accepteert', probeer=True),
    Opdracht("{provider}", "start_interventie",
             {"verwijzing_id": "vw-1", "omschrijving": "kortdurende behandeling"},
             als='"{provider}" op {datum:Datum} de interventie start', probeer=True),
    Opdracht("{provider}", "dien_voortgangsrapportage_in",
             lambda p: {"verwijzing_id": "vw-1", "rapportage": p["tekst"]},
             als='"{provider}" op {datum:Datum} een voortgangsrapportage indient met "{tekst}"'),
    Opdracht("{provider}", "dien_factuur_in",
             lambda p: {"factuur_id": "f-1", "verwijzing_id": "vw-1",
                        "bedrag_centen": p["euro"] * 100, "omschrijving": "begeleiding",
                        "medische_specificatie": p["specificatie"]},
             als='"{provider}" op {datum:Datum} een factuur van {euro:d} euro indient met '
             'specificatie "{specificatie}"'),
)
# fmt: on


def _stap_voor(opdracht: Opdracht, parameters: list[str]) -> Callable:
    def stuur(werk, **p):
        opdracht.stuur(werk, p)

    # pytest-bdd hands a step the parameters its signature names: here those of the text.
    stuur.__signature__ = inspect.Signature(
        inspect.Parameter(naam, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for naam in ("werk", *parameters)
    )
    return stuur


for _opdracht in OPDRACHTEN:
    for _soort, _zin in ((given, _opdracht.gegeven), (when, _opdracht.als)):
        if _zin is not None:
            _patroon = stap(_zin)
            _soort(_patroon)(_stap_voor(_opdracht, _patroon.parser.named_fields))


# Stappen die meer doen


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


@given(stap('werknemer "{naam}" heeft zich ziek gemeld op ' + DATUM))
def heeft_ziek_gemeld(werk, naam, datum):
    _ziekmelding(werk, naam, datum, werk.doe, lopende_taken="bakken", verwachte_duur_dagen=14)


@when(
    stap('werknemer "{naam}" zich ziek meldt op ' + DATUM + " met verwachte duur {dagen:d} dagen")
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


@when(stap('werknemer "{naam}" zich ziek meldt op ' + DATUM + ' met een diagnose "{d}"'))
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
    _ziekmelding(werk, naam, datum, werk.probeer, **{veld: _waarde(waarde)})


@given(stap('de werkgever heeft bedrijfsarts "{ba}" toegewezen op ' + DATUM))
def bedrijfsarts_toegewezen(werk, ba, datum):
    werk.doe(
        datum,
        werk.hr,
        "wijs_bedrijfsarts_toe",
        werk.dossier,
        {"persoon_id": ba, "organisatie": werk.bedrijfsarts.organisatie},
    )


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


@given(stap("alle onderdelen van het re-integratieverslag zijn vastgelegd op " + DATUM))
def alle_riv_onderdelen(werk, datum):
    for actor, commando, velden in (
        (werk.bedrijfsarts, "lever_probleemanalyse_op", _probleemanalyse("CANARY-rugklachten")),
        (werk.hr, "stel_plan_van_aanpak_vast", PLAN),
        (werk.hr, "leg_eerstejaarsevaluatie_vast", _eerstejaarsevaluatie(True, False)),
        (werk.bedrijfsarts, "geef_actueel_oordeel", ACTUEEL_OORDEEL),
        (werk.hr, "leg_eindevaluatie_vast", {"conclusie": "re-integratie afgerond"}),
        (werk.bedrijfsarts, "overhandig_medisch_deel_riv", {"samenvatting": "medisch deel"}),
        (werk.partij("de werknemer"), "leg_zienswijze_vast", {"zienswijze": "eens"}),
    ):
        werk.doe(datum, actor, commando, werk.dossier, velden)


def _riv(werk, actor) -> dict:
    return werk.lees(actor, "documenten { riv { aanwezig ontbrekend } }")["documenten"]["riv"]


@given(stap("de casemanager heeft op " + DATUM + " het re-integratieverslag samengesteld"))
@when(stap("de casemanager op " + DATUM + " het re-integratieverslag samenstelt"))
def riv_samenstellen(werk, datum):
    onderdelen = [Keuze(o.upper()) for o in _riv(werk, werk.casemanager)["aanwezig"]]
    werk.probeer(
        datum, werk.casemanager, "stel_riv_samen", werk.dossier, {"onderdelen": onderdelen}
    )


def _delegeer(werk, uitvoeren, naam, datum, taken, tot, heel_caseload: bool):
    werk.delegatie_id = f"del-{naam}-{datum:%Y%m%d}"
    uitvoeren(
        datum,
        werk.bedrijfsarts,
        "verleen_taakdelegatie",
        None,
        {
            "delegatie_id": werk.delegatie_id,
            "gedelegeerde_id": naam,
            "taken": _keuzes(taken),
            "dossiers": None if heel_caseload else [werk.dossier],
            "tot": tot,
        },
    )


@given(
    stap(
        'de bedrijfsarts heeft "{naam}" op ' + DATUM + ' de taken "{taken}" gedelegeerd voor dit '
        "dossier tot {tot:Datum}"
    )
)
def gedelegeerd(werk, naam, datum, taken, tot):
    _delegeer(werk, werk.doe, naam, datum, taken, tot, heel_caseload=False)


@given(
    stap(
        'de bedrijfsarts heeft "{naam}" op ' + DATUM + ' de taken "{taken}" gedelegeerd voor het '
        "hele caseload tot {tot:Datum}"
    )
)
def gedelegeerd_caseload(werk, naam, datum, taken, tot):
    _delegeer(werk, werk.doe, naam, datum, taken, tot, heel_caseload=True)


@when(
    stap(
        'de bedrijfsarts "{naam}" op ' + DATUM + ' de taken "{taken}" probeert te delegeren voor '
        "dit dossier tot {tot:Datum}"
    )
)
def probeert_te_delegeren(werk, naam, datum, taken, tot):
    _delegeer(werk, werk.probeer, naam, datum, taken, tot, heel_caseload=False)


@given(stap("de bedrijfsarts heeft de delegatie op " + DATUM + " ingetrokken"))
def ingetrokken(werk, datum):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "trek_taakdelegatie_in",
        None,
        {"delegatie_id": werk.delegatie_id},
    )


# Kijken


@when(stap("{partij} het dossier bekijkt"))
def bekijkt(werk, partij):
    werk.bekijk(werk.partij(partij))


@when(stap('"{naam}" het dossier bekijkt op ' + DATUM))
def bekijkt_op(werk, naam, datum):
    werk.bekijk(werk.partij(naam), datum)


@when(stap("{partij} het dossier bekijkt zoals het op " + DATUM + " bekend was"))
def bekijkt_zoals_bekend(werk, partij, datum):
    werk.bekijk(werk.partij(partij), knownAt=_bekend_op(datum).isoformat())


@when(stap("{partij} het dossier bekijkt zoals het op " + DATUM + " gold"))
def bekijkt_zoals_gold(werk, partij, datum):
    werk.bekijk(werk.partij(partij), asOf=datum.isoformat())


# Dan


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


@then(stap('op {peildatum:Datum} is de verplichting "{code}" "{status}"'))
def verplichting_status(werk, peildatum, code, status):
    assert werk.verplichting(code, peildatum)["status"] == status.upper()


@then(
    stap(
        'op {peildatum:Datum} is de verplichting "{code}" "{status}" '
        "met uiterlijk {uiterlijk:Datum}"
    )
)
def verplichting_status_en_termijn(werk, peildatum, code, status, uiterlijk):
    verplichting = werk.verplichting(code, peildatum)
    assert (verplichting["status"], verplichting["uiterlijk"]) == (
        status.upper(),
        uiterlijk.isoformat(),
    )


@then(
    stap(
        'is op {peildatum:Datum} de verplichting "{code}" "{status}" maar te laat vastgelegd, '
        "op {vastgelegd:Datum}"
    )
)
def verplichting_te_laat_vastgelegd(werk, peildatum, code, status, vastgelegd):
    verplichting = werk.verplichting(code, peildatum)
    assert (verplichting["status"], verplichting["teLaatVastgelegd"]) == (status.upper(), True)
    assert verplichting["vastgelegdOp"] == vastgelegd.isoformat()


@then(stap('is op {peildatum:Datum} de verplichting "{code}" "{status}" en op tijd vastgelegd'))
def verplichting_op_tijd_vastgelegd(werk, peildatum, code, status):
    verplichting = werk.verplichting(code, peildatum)
    assert (verplichting["status"], verplichting["teLaatVastgelegd"]) == (status.upper(), False)


@then(stap("is die verplichting als {classificatie} geclassificeerd"))
def geclassificeerd(werk, classificatie):
    verplichting, lezer = werk.verplichting_van
    assert verplichting["classificatie"] == classificatie.upper()
    # A medical row stays out of the werkgever's calendar: only the bedrijfsarts could read it.
    assert (lezer == werk.bedrijfsarts) == (classificatie == "medisch")


@then(stap('wordt dit geweigerd met een melding over "{woorden}"'))
def geweigerd(werk, woorden):
    assert werk.fout is not None, "het commando werd niet geweigerd"
    assert woorden in werk.fout["message"], werk.fout


@then(stap('wordt dit geweigerd omdat de ziekmelding geen veld "{veld}" kent'))
def onbekend_veld(werk, veld):
    assert werk.fout is not None, "het commando werd niet geweigerd"
    assert f"unknown field '{_camel(veld)}'" in werk.fout["message"], werk.fout


@then("is er niets vastgelegd")
def niets_vastgelegd(werk):
    zichtbaar_voor, buiten_voor = werk.telling_voor
    assert werk.telling(werk.vandaag, buiten_voor is not None) == (zichtbaar_voor, buiten_voor)


@then("is er medische informatie opgevraagd in het medisch dossier")
def informatie_opgevraagd(werk):
    dossier = werk.lees(
        werk.bedrijfsarts, 'timeline(type: "MedischeInformatieOpgevraagd") { service }'
    )
    assert {"service": "bedrijfsarts"} in dossier["timeline"]


@then("heeft de werkgever de mogelijkheden en beperkingen ontvangen")
def werkgever_ontving(werk):
    documenten = werk.lees(werk.hr, "documenten { probleemanalyses { beperkingen } }")["documenten"]
    assert documenten["probleemanalyses"] == [
        {"beperkingen": "beperkt in tillen en langdurig staan"}
    ]


def _tekst(feit: dict) -> str:
    return json.dumps(feit["payload"], ensure_ascii=False)


@then(stap('komt "{tekst}" niet voor in wat de werkgeversdienst heeft vastgelegd'))
def niet_bij_werkgever(werk, tekst):
    # The werknemer reads all of their own dossier, medical facts included.
    dossier = werk.lees(werk.partij("de werknemer"), "timeline { service payload }")
    werkgeverfeiten = [e for e in dossier["timeline"] if e["service"] == "werkgever"]
    assert werkgeverfeiten
    assert all(tekst not in _tekst(e) for e in werkgeverfeiten)


@then(stap('staat "{tekst}" wel in het medisch dossier van de bedrijfsarts'))
def wel_bij_bedrijfsarts(werk, tekst):
    dossier = werk.lees(werk.bedrijfsarts, "timeline { service payload }")
    assert any(tekst in _tekst(e) for e in dossier["timeline"] if e["service"] == "bedrijfsarts")


@then("is het plan van aanpak vastgelegd")
def plan_vastgelegd(werk):
    werk.moet_gelukt_zijn()
    plan = werk.lees(werk.hr, "documenten { planVanAanpak { doel } }")["documenten"][
        "planVanAanpak"
    ]
    assert plan == {"doel": PLAN["doel"]}


@then(stap('is dat vastgelegd als "{soort}"'))
def vastgelegd_als(werk, soort):
    werk.moet_gelukt_zijn()
    assert soort in werk.vastgelegd


@then(stap('wordt dit geweigerd met de ontbrekende onderdelen "{lijst}"'))
def ontbrekende_onderdelen(werk, lijst):
    assert werk.fout is not None, "het commando werd niet geweigerd"
    assert werk.fout["extensions"]["code"] == "DOMAIN_RULE", werk.fout
    assert werk.fout["extensions"]["ontbrekend"] == lijst.split(", ")


@then("telt het deskundigenoordeel mee in het re-integratieverslag")
def deskundigenoordeel_in_riv(werk):
    werk.moet_gelukt_zijn()
    assert "deskundigenoordeel" in _riv(werk, werk.hr)["aanwezig"]


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


@then(stap('is de ziekmelding vastgelegd met "{veld}"'))
def ziekmelding_met(werk, veld):
    werk.moet_gelukt_zijn()
    naam = next(n for n in werk.dossiers if n != next(iter(werk.dossiers)))
    dossier = werk.lees(
        werk.hr, 'timeline(type: "ZiekmeldingGeregistreerd") { payload }', werk.dossiers[naam]
    )
    assert dossier["timeline"][0]["payload"][veld] not in (None, False)


def _ziet(werk, wat) -> bool:
    return any(wat(e["type"], _tekst(e)) for e in werk.zicht)


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


@then(stap('staan in het toegangslog inzagen van "{a}" en "{b}"'))
def toegangslog(werk, a, b):
    # The access log is the werknemer's to read.
    log = werk.lees(werk.partij("de werknemer"), "toegangslog { persoonId actie }")["toegangslog"]
    assert {a, b} <= {regel["persoonId"] for regel in log if regel["actie"] == "inzage"}


@then(stap("ziet de werkgever een factuur van {euro:d} euro"))
def werkgever_ziet_factuur(werk, euro):
    werk.bekijk(werk.hr)
    facturen = [e for e in werk.zicht if e["type"] == "FactuurIngediend"]
    assert [f["payload"]["bedrag_centen"] for f in facturen] == [euro * 100]


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


@then(stap('is "{naam}" in die weergave nog ziek'))
def nog_ziek_in_weergave(werk, naam):
    dossier = werk.in_blik("werknemerId status hersteldOp")
    assert dossier == {"werknemerId": naam, "status": "OPEN", "hersteldOp": None}


@then(stap('is "{naam}" in die weergave hersteld per ' + DATUM))
def hersteld_in_weergave(werk, naam, datum):
    dossier = werk.in_blik("werknemerId status hersteldOp")
    assert dossier == {"werknemerId": naam, "status": "HERSTELD", "hersteldOp": datum.isoformat()}


@then(stap("ziet die medische gegevens: {antwoord}"))
def ziet_medische_gegevens(werk, antwoord):
    assert werk.zicht, "die partij zag niets van het dossier"
    medisch = [e for e in werk.zicht if e["classificatie"] == "MEDISCH" or "CANARY" in _tekst(e)]
    assert bool(medisch) == (antwoord == "ja")
    assert ("MEDISCH" in werk.in_blik("classificaties")["classificaties"]) == (antwoord == "ja")


@then(stap('toont die weergave de verplichting "{code}" als "{status}" met uiterlijk ' + DATUM))
def verplichting_in_weergave(werk, code, status, datum):
    # Without a peildatum the calendar is read on the day of the time cut.
    kalender = werk.in_blik("kalender { code status uiterlijk }")["kalender"]
    rijen = {r["code"]: r for r in kalender}
    assert (rijen[code]["status"], rijen[code]["uiterlijk"]) == (status.upper(), datum.isoformat())


def _plan_in_weergave(werk) -> dict | None:
    return werk.in_blik("documenten { planVanAanpak { geldigOp } }")["documenten"]["planVanAanpak"]


@then("toont die weergave geen plan van aanpak")
def geen_plan_in_weergave(werk):
    assert _plan_in_weergave(werk) is None


@then(stap("toont die weergave het plan van aanpak van " + DATUM))
def plan_in_weergave(werk, datum):
    assert _plan_in_weergave(werk) == {"geldigOp": datum.isoformat()}


@then(stap('verzuimt "{naam}" in die weergave op ' + DATUM + " voor {procent:d} procent"))
def verzuimt_in_weergave(werk, naam, datum, procent):
    # The dossier has no field for the percentage in force, so it is read from the facts in
    # view: the last ziekmelding or change that took effect by `datum`.
    dossier = werk.in_blik("werknemerId timeline { type geldigOp recordedAt payload }")
    assert dossier["werknemerId"] == naam
    soorten = ("ZiekmeldingGeregistreerd", "VerzuimpercentageGewijzigd")
    in_werking = sorted(
        (e["geldigOp"], e["recordedAt"], e["payload"]["verzuimpercentage"])
        for e in dossier["timeline"]
        if e["type"] in soorten and e["geldigOp"] <= datum.isoformat()
    )
    assert in_werking[-1][2] == procent
