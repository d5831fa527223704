"""The step texts read as Dutch, and each step means one thing.

A step names a calendar obligation, a status, a task or a fact in Dutch words ("ziekmelding
uitgevraagd", "op tijd", "een adviesgesprek"); the glue in features/steps/ maps them to codes. So
no step text, doc string, table cell or example may hold a snake_case code (op_tijd) or a
CamelCase name (ZiekmeldingGeregistreerd, geldigOp). Tags are for machines (@rij-<code>) and are
not read here.

And every step, with its examples filled in, matches exactly one step definition: pytest-bdd
would silently take one of several, and a looser pattern could then capture another's text.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from pytest_bdd.steps import step_function_context_registry
from pytest_bdd.types import STEP_TYPE_BY_PARSER_KEYWORD

FEATURES = sorted(Path(__file__).parent.glob("*.feature"))

SNAKE_CASE = re.compile(r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b")
# Two or more capitalised parts glued together (PlanVanAanpak), or lower camelCase (geldigOp).
CAMEL_CASE = re.compile(r"\b(?:[A-Z][a-z0-9]+){2,}\b|\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\b")


def _document(feature: Path) -> dict:
    document = Parser().parse(feature.read_text())
    document["uri"] = str(feature)
    return document


def _cellen(rijen: list[dict]) -> Iterator[str]:
    for rij in rijen:
        for cel in rij["cells"]:
            yield cel["value"]


def _teksten(knoop: dict) -> Iterator[tuple[int, str]]:
    """Every text a reader of the scenarios reads as a step: (line, text), found anywhere below
    `knoop` in the Gherkin document (backgrounds, scenarios, rules, examples)."""
    if "keywordType" in knoop:  # a step, with its doc string or data table
        regel = knoop["location"]["line"]
        yield regel, knoop["text"]
        if knoop.get("docString"):
            yield regel, knoop["docString"]["content"]
        if knoop.get("dataTable"):
            yield from ((regel, cel) for cel in _cellen(knoop["dataTable"]["rows"]))
    if knoop.get("tableHeader"):  # examples
        rijen = [knoop["tableHeader"], *knoop["tableBody"]]
        yield from ((knoop["location"]["line"], cel) for cel in _cellen(rijen))
    for waarde in knoop.values():
        for kind in waarde if isinstance(waarde, list) else [waarde]:
            if isinstance(kind, dict):
                yield from _teksten(kind)


def codes_in(feature_tekst: str) -> list[str]:
    """The snake_case and CamelCase words in the step texts of a feature, with their lines."""
    document = Parser().parse(feature_tekst)
    return [
        f"regel {regel}: {woord!r} in {tekst!r}"
        for regel, tekst in _teksten(document)
        for woord in SNAKE_CASE.findall(tekst) + CAMEL_CASE.findall(tekst)
    ]


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f.name)
def test_staptekst_noemt_geen_codes(feature):
    gevonden = codes_in(feature.read_text())
    assert not gevonden, "\n".join(gevonden)


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f.name)
def test_elke_stap_heeft_precies_een_definitie(feature):
    # The step definitions features/conftest.py took over from features/steps/.
    definities = [
        c
        for c in step_function_context_registry.values()
        if c.step_func.__module__.startswith("features.steps")
    ]
    fouten = []
    for pickle in Compiler().compile(_document(feature)):
        for stap in pickle["steps"]:
            soort = STEP_TYPE_BY_PARSER_KEYWORD[stap["type"]]
            passend = [
                d.step_func.__qualname__
                for d in definities
                if d.type in (None, soort) and d.parser.is_matching(stap["text"])
            ]
            if len(passend) != 1:
                fouten.append(f"{soort} {stap['text']!r}: {passend or 'geen definitie'}")
    assert not fouten, "\n".join(sorted(set(fouten)))
