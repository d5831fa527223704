"""The driver the steps act through: the platform's GraphQL API, as a client would use it.

A command is the matching mutation, sent with a bearer token minted for the acting party; a read
is a query as the party whose view the step names. The app runs in-process over HTTP semantics
(Starlette's TestClient), one per scenario on its own data directory. The clock is frozen at the
step's date around each request, so recorded time follows the dates in the text.

Nothing here knows the wording of a step; features/steps/ turns text into these calls.
"""

import json
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

from starlette.exceptions import StarletteDeprecationWarning

from events import Actor, Rol
from gateway.app import create_app
from gateway.auth import mint_token
from gateway.settings import GatewaySettings
from services.shared import clock
from services.shared.config import TERUGDATEREN_ZONDER_REDEN
from wvp.runtime import running

with warnings.catch_warnings():
    # Starlette asks for its httpx fork; the plain httpx it finds works the same for these steps.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

GEHEIM = "hs256-secret-of-the-features-only-0123456789"


def op(datum: date) -> datetime:
    """The moment a step happens on `datum`."""
    return datetime.combine(datum, time(9), tzinfo=UTC)


def bekend_op(datum: date) -> datetime:
    """Known on `datum`: everything recorded by the end of that day counts."""
    return datetime.combine(datum, time(23, 59, 59), tzinfo=UTC)


def camel(naam: str) -> str:
    kop, *rest = naam.split("_")
    return kop + "".join(deel.capitalize() for deel in rest)


class Keuze(str):
    """A GraphQL enum value, written bare (PSYCHOLOOG, not "psycholoog")."""


def literal(waarde) -> str:
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
        return "[" + ", ".join(literal(w) for w in waarde) + "]"
    return "{" + ", ".join(f"{camel(k)}: {literal(w)}" for k, w in waarde.items()) + "}"


def tekst(feit: dict) -> str:
    """A fact's payload as text, to search for what it must (not) contain."""
    return json.dumps(feit["payload"], ensure_ascii=False)


def rij(kalender: list[dict], code: str) -> dict | None:
    """The calendar row with `code`, if the reader's calendar has it."""
    return next((r for r in kalender if r["code"] == code), None)


TELLING = "{ caseload(first: 100) { totalCount edges { node { timeline { id } } } } }"
ZICHT = """query($id: ID!, $asOf: Date, $knownAt: DateTime) {
  dossier(id: $id, asOf: $asOf, knownAt: $knownAt) {
    timeline { type service classificatie geldigOp recordedAt payload }
  }
}"""
KALENDER = """query($id: ID!, $peildatum: Date!) {
  dossier(id: $id) {
    kalender(peildatum: $peildatum) {
      code status uiterlijk classificatie vastgelegdOp teLaatVastgelegd reden
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
        self.delegatie_id = ""  # the last delegation granted, to revoke it
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

    def graphql(self, actor: Actor, document: str, datum: date, **variabelen) -> dict:
        """Send one operation as `actor` on `datum`; the whole answer, errors included."""
        token = mint_token(self.settings, actor.rol.value, actor.persoon_id, actor.organisatie)
        with clock.frozen_at(op(datum)):
            antwoord = self.client.post(
                "/graphql",
                json={"query": document, "variables": variabelen},
                headers={"Authorization": f"Bearer {token}"},
            )
        assert antwoord.status_code == 200, antwoord.text
        return antwoord.json()

    def vraag(self, actor: Actor, document: str, datum: date | None = None, **variabelen) -> dict:
        """A query that must be answered in full."""
        antwoord = self.graphql(actor, document, datum or self.vandaag, **variabelen)
        assert not antwoord.get("errors"), antwoord["errors"]
        return antwoord["data"]

    def lees(self, actor: Actor, velden: str, dossier_id: str | None = None) -> dict:
        """`velden` of the dossier as `actor` reads it on the day of the last step."""
        document = f"query($id: ID!) {{ dossier(id: $id) {{ {velden} }} }}"
        return self.vraag(actor, document, id=dossier_id or self.dossier)["dossier"]

    def _stuur(self, datum, actor, commando, dossier_id, velden, geldig_op) -> dict | None:
        self.vandaag = datum
        mutatie = camel(commando)
        invoer = literal({"geldig_op": geldig_op or datum, **velden})
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

    def moet_geweigerd_zijn(self) -> dict:
        """The error of the last command, which must have been refused."""
        assert self.fout is not None, "het commando werd niet geweigerd"
        return self.fout

    # Reading

    def telling(self, datum: date, buiten_dossier: bool) -> tuple[int, tuple | None]:
        """How much is recorded: the dossiers of every werknemer and their facts, as each
        werknemer reads them (all of their own dossier); for commands outside any dossier also
        the delegations as the bedrijfsarts reads them and the provider catalogue as the
        werkgever reads it."""
        zichtbaar = 0
        for naam in sorted(self.werknemers):
            caseload = self.vraag(self.werknemer(naam), TELLING, datum)["caseload"]
            feiten = sum(len(e["node"]["timeline"]) for e in caseload["edges"])
            zichtbaar += caseload["totalCount"] + feiten
        if not buiten_dossier:
            return zichtbaar, None
        delegaties = self.vraag(self.bedrijfsarts, DELEGATIES, datum)["taakdelegaties"]
        return zichtbaar, (delegaties, self.vraag(self.hr, CATALOGUS, datum)["providers"])

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

    def bekijk(self, actor: Actor, datum: date | None = None, **snede) -> None:
        """`actor` looks at the dossier, optionally cut by `asOf` and `knownAt`; a refused look
        shows nothing."""
        antwoord = self.graphql(actor, ZICHT, datum or self.vandaag, id=self.dossier, **snede)
        dossier = (antwoord.get("data") or {}).get("dossier")
        if dossier is None:
            codes = [f["extensions"]["code"] for f in antwoord["errors"]]
            assert codes == ["FORBIDDEN"], antwoord["errors"]
            self.zicht = []
        else:
            assert not antwoord.get("errors"), antwoord["errors"]
            self.zicht = dossier["timeline"]
        self.blik = (actor, snede)

    def zag(self, wat: Callable[[str, str], bool]) -> bool:
        """Whether the last look showed a fact for which `wat(type, payload text)` holds."""
        return any(wat(e["type"], tekst(e)) for e in self.zicht)

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
            gevonden = rij(kalender["dossier"]["kalender"], code)
            if gevonden is not None:
                self.verplichting_van = (gevonden, lezer)
                return gevonden
        wel = sorted(r["code"] for r in kalender["dossier"]["kalender"])
        raise AssertionError(f"geen verplichting {code}; wel: {wel}")

    def riv(self, actor: Actor) -> dict:
        """Which parts of the re-integratieverslag are there and which are missing."""
        return self.lees(actor, "documenten { riv { aanwezig ontbrekend } }")["documenten"]["riv"]


@contextmanager
def dossierwerk(data_dir: Path) -> Iterator[Dossierwerk]:
    """A running platform on `data_dir`, with its API, for one scenario."""
    settings = GatewaySettings(data_dir=data_dir, jwt_secret=GEHEIM)
    # The platform's own default for backdating without a reason, whatever the test run sets.
    env = {
        "WVP_DATA_DIR": str(data_dir),
        "WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN": str(TERUGDATEREN_ZONDER_REDEN),
    }
    with (
        running(env) as platform,
        TestClient(create_app(platform, settings)) as client,
    ):
        yield Dossierwerk(client, settings)
