"""Steps that send one command, declared as data.

Most steps are one command: a party sends it on the scenario's dossier, with fields taken from
the step's text. Each `Opdracht` is one such command and the step texts (Gegeven, Als) that send
it; `registreer` makes them steps of the module that calls it.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from pytest_bdd import given, when

from features.driver import Dossierwerk
from features.steps.taal import stap


@dataclass(frozen=True)
class Opdracht:
    """One command behind a Gegeven and/or an Als text.

    `door`: the acting party as `Dossierwerk.partij` knows it ("de werkgever", "UWV"), or a
    parameter of the text ("{naam}"). `velden`: the fields, or a function from the text's
    parameters to them. `dossier`: the parameter naming the werknemer whose dossier it is (None:
    the scenario's only dossier). `geldig_op`: the parameter holding the valid date (None: the
    step's date). `probeer`: a refusal in the Als-step is kept for the Dan-steps instead of failing
    the step (a Gegeven-step always fails on one).
    """

    door: str
    commando: str
    velden: dict | Callable[[dict], dict]
    gegeven: str | None = None
    als: str | None = None
    dossier: str | None = None
    geldig_op: str | None = None
    probeer: bool = False

    def stuur(self, werk: Dossierwerk, p: dict, probeer: bool) -> None:
        uitvoeren = werk.probeer if probeer else werk.doe
        uitvoeren(
            p["datum"],
            werk.partij(self.door.format(**p)),
            self.commando,
            werk.dossiers[p[self.dossier]] if self.dossier else werk.dossier,
            self.velden(p) if callable(self.velden) else self.velden,
            p[self.geldig_op] if self.geldig_op else None,
        )


def _stap_voor(opdracht: Opdracht, parameters: list[str], probeer: bool) -> Callable:
    def stuur(werk, **p):
        opdracht.stuur(werk, p, probeer)

    # Named after its command, so that reports and test_staptekst.py can tell the steps apart.
    stuur.__name__ = stuur.__qualname__ = opdracht.commando
    # pytest-bdd hands a step the parameters its signature names: here those of the text.
    stuur.__signature__ = inspect.Signature(
        inspect.Parameter(naam, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for naam in ("werk", *parameters)
    )
    return stuur


def registreer(*opdrachten: Opdracht) -> None:
    """Make each text of `opdrachten` a step of the calling module."""
    for opdracht in opdrachten:
        for soort, zin in ((given, opdracht.gegeven), (when, opdracht.als)):
            if zin is not None:
                patroon = stap(zin)
                # stacklevel 2: pytest-bdd puts the step into the namespace of our caller.
                # A Gegeven states what happened: a refusal there fails the scenario at once.
                probeer = opdracht.probeer and soort is when
                stuur = _stap_voor(opdracht, patroon.parser.named_fields, probeer)
                soort(patroon, stacklevel=2)(stuur)
