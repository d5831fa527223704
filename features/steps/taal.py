"""The words of the step texts: how a date, a status or a party is written, and how a Dutch name
in the text becomes the code the API and the calendar use.

Step texts never spell a code: "ziekmelding uitgevraagd" stands for ziekmelding_uitgevraagd,
"op tijd" for OP_TIJD, "RI&E-toetsing" for rie_toetsing (features/test_staptekst.py keeps it so).
"""

import re
import unicodedata
from datetime import date

from parse import with_pattern
from pytest_bdd import parsers

from features.driver import Keuze


def code(naam: str) -> str:
    """The code a Dutch name stands for: lower case, without accents or "&", words joined by "_"
    ("verzekeraar geïnformeerd" is verzekeraar_geinformeerd, "WIA-aanvraag" wia_aanvraag)."""
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[\s-]+", "_", ascii_naam.replace("&", "").lower())


def keuze(naam: str) -> Keuze:
    """The GraphQL enum value a Dutch name stands for ("passende arbeid" is PASSENDE_ARBEID)."""
    return Keuze(code(naam).upper())


def keuzes(namen: str) -> list[Keuze]:
    """Enum values from a comma-separated list of names ("triage, informatie vastleggen")."""
    return [keuze(naam) for naam in namen.split(", ")]


@with_pattern(r"\d{4}-\d{2}-\d{2}")
def _datum(tekst: str) -> date:
    return date.fromisoformat(tekst)


# The statuses as the calendar's GraphQL enum spells them. A fixed list, so that a status can
# follow a name without quotes and without the parser taking "op tijd met uiterlijk ..." for one.
@with_pattern(r"open|op tijd|te laat|verlopen|niet van toepassing")
def _status(tekst: str) -> str:
    return keuze(tekst)


# A party as Dossierwerk.partij knows it: a quoted name, UWV, or "de <rol>". Bounded, so that
# "{partij} op {datum} het dossier bekijkt" cannot read the date as part of the party.
@with_pattern(r'"[^"]+"|UWV|de [a-z]+|een andere werkgever')
def _partij(tekst: str) -> str:
    return tekst


SOORTEN = {"Datum": _datum, "Status": _status, "Partij": _partij}
DATUM = "{datum:Datum}"


def stap(patroon: str) -> parsers.parse:
    """A step pattern with the types above: {name:Datum}, {name:Status}, {name:Partij}."""
    return parsers.parse(patroon, extra_types=SOORTEN)
