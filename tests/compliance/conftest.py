"""One dossier with every bitemporal twist the compliance tests read, built once per module.

Day n is `dag(n)` (day 0 is the first sick day, a Monday); each command is recorded at 09:00 UTC
of the day `om(n)` says. The twists:
* a correction: on day 14 the percentage drops to 80 (recorded that day); on day 30 a change to 50
  is recorded that took effect on day 20 (later recorded, earlier effect);
* a late plan van aanpak: agreed on day 52, before its deadline (day 54, two weeks after the
  probleemanalyse), but recorded only on day 70; a bijstelling follows on day 80;
* a backdated herstelmelding: herstel on day 100, recorded on day 105.
The bedrijfsarts' probleemanalyse (day 40) carries a medical canary in its diagnosis.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from events import Actor, Rol
from services.shared import clock
from wvp.runtime import Platform

START = date(2026, 1, 5)
CANARY = "CANARY-burnout-7"
ORG = "acme"

WERKGEVER = Actor(rol=Rol.WERKGEVER, persoon_id="hr-1", organisatie=ORG)
CASEMANAGER = Actor(rol=Rol.CASEMANAGER, persoon_id="cm-1", organisatie=ORG)
BEDRIJFSARTS = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba-1", organisatie="arbodienst")
WERKNEMER = Actor(rol=Rol.WERKNEMER, persoon_id="wn-1", organisatie=ORG)
COMPLIANCE = Actor(rol=Rol.COMPLIANCE, persoon_id="co-1", organisatie=ORG)
ROLES = {
    "werkgever": WERKGEVER,
    "bedrijfsarts": BEDRIJFSARTS,
    "werknemer": WERKNEMER,
    "compliance": COMPLIANCE,
}


def dag(n: int) -> date:
    return START + timedelta(days=n)


def om(n: int) -> datetime:
    return datetime.combine(dag(n), time(9, 0), UTC)


def _afspraken(n: int) -> list[dict[str, str]]:
    return [{"wat": "opbouw in eigen werk", "wie": "werknemer", "uiterlijk": str(dag(n))}]


@dataclass
class Scenario:
    platform: Platform
    dossier_id: str
    data_dir: str


def build(platform: Platform) -> str:
    """Record the dossier described above; returns its id."""

    def run(recorded: int, command: str, actor: Actor, dossier: str | None, **fields) -> str:
        with clock.frozen_at(om(recorded)):
            return platform.execute(command, actor, dossier, fields).dossier_id

    d = run(0, "registreer_ziekmelding", WERKGEVER, None, geldig_op=str(dag(0)),
            werknemer_id="wn-1", werkgever_id=ORG)  # fmt: skip
    run(0, "stel_casemanager_aan", WERKGEVER, d, geldig_op=str(dag(0)), persoon_id="cm-1",
        naam="Casemanager Een")  # fmt: skip
    run(0, "wijs_bedrijfsarts_toe", WERKGEVER, d, geldig_op=str(dag(0)), persoon_id="ba-1",
        organisatie="arbodienst")  # fmt: skip
    run(14, "wijzig_verzuimpercentage", WERKGEVER, d, geldig_op=str(dag(14)), verzuimpercentage=80)
    run(30, "wijzig_verzuimpercentage", WERKGEVER, d, geldig_op=str(dag(20)), verzuimpercentage=50)
    run(40, "lever_probleemanalyse_op", BEDRIJFSARTS, d, geldig_op=str(dag(40)),
        mogelijkheden="vier uur licht werk", beperkingen="beperkt in tillen",
        advies="opbouw in eigen werk", diagnose=CANARY)  # fmt: skip
    run(70, "stel_plan_van_aanpak_vast", CASEMANAGER, d, geldig_op=str(dag(52)),
        doel="terug naar eigen werk", afspraken=_afspraken(90),
        financiele_gevolgen_uitgelegd=True)  # fmt: skip
    run(80, "stel_plan_van_aanpak_bij", CASEMANAGER, d, geldig_op=str(dag(80)),
        reden="stagnatie in de opbouw", afspraken=_afspraken(120))  # fmt: skip
    run(105, "registreer_herstel", WERKGEVER, d, geldig_op=str(dag(100)))
    return d


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    data_dir = str(tmp_path_factory.mktemp("compliance-data"))
    platform = Platform({"WVP_DATA_DIR": data_dir, "WVP_DATABASE_URL": ""}).start()
    try:
        yield Scenario(platform, build(platform), data_dir)
    finally:
        platform.stop()
