"""What the commands send: fields that several steps share, and builders for those that vary."""

from collections.abc import Callable

from features.driver import Keuze
from features.steps.taal import keuze

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
BEPERKINGEN = "beperkt in tillen en langdurig staan"
FML_BEPERKINGEN = ["niet tillen boven 10 kg", "geen nachtdiensten"]


def triage(medisch: bool, psychisch: bool = False) -> dict:
    return {
        "medische_oorzaak": medisch,
        "psychische_klachten": psychisch,
        "toelichting": "telefonische triage",
    }


def probleemanalyse(diagnose: str = "CANARY-rugklachten") -> dict:
    return {
        "mogelijkheden": "korte diensten, zittend werk",
        "beperkingen": BEPERKINGEN,
        "advies": "opbouw in uren over zes weken",
        "diagnose": diagnose,
    }


def fml(beperkingen: list[str], duurzaam: bool) -> dict:
    return {
        "instrument": Keuze("FML"),
        "beperkingen": beperkingen,
        "duurzaam_geen_mogelijkheden": duurzaam,
    }


def eerstejaarsevaluatie(spoor2_nodig: bool, perspectief: bool) -> dict:
    return {
        "conclusie": "terugkeer in eigen werk is niet haalbaar gebleken",
        "spoor2_nodig": spoor2_nodig,
        "perspectief_eigen_werk_binnen_3_maanden": perspectief,
    }


def rapport(passend_eigen_werk: bool) -> dict:
    return {
        "conclusie": "aangepast werk is mogelijk",
        "passend_eigen_werk": passend_eigen_werk,
        "spoor2_advies": not passend_eigen_werk,
    }


def deskundigenoordeel(aanvrager: str) -> Callable[[dict], dict]:
    return lambda p: {"vraag": keuze(p["vraag"]), "aanvrager": Keuze(aanvrager)}
