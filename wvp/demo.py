"""Demo data: a small simulated population plus two hand-made dossiers, loaded once.

Three employers with 25 employees over two years (seed fixed), one complete 104-week dossier
(`wvp.scenario.canonical_case`) and one short absence whose herstelmelding was recorded late.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from wvp.runtime import Platform
from wvp.scenario import Casus, StapPlan, betrokkenen, canonical_case
from wvp.simulate import Samenvatting, simulate

DEMO_PREFIX = "demo"
DEMO_SEED = 11  # gives three employers for 25 employees
DEMO_WERKNEMERS = 25
DEMO_START = date(2024, 1, 1)
DEMO_DAGEN = 730
# The demo's "today": the last simulated day. Calendars of demo dossiers are shown as of then.
DEMO_PEILDATUM = DEMO_START + timedelta(days=DEMO_DAGEN - 1)
# The hand-made dossiers belong to the third employer, served by arbo-zuid (with CMTDs).
DEMO_WERKGEVER = f"{DEMO_PREFIX}-wg0003"
CANONIEK = f"{DEMO_PREFIX}-wn-canon"
KORT = f"{DEMO_PREFIX}-wn-kort"


@dataclass
class DemoData:
    populatie: Samenvatting
    canoniek: str  # dossier ids
    kort: str


def is_geladen(platform: Platform) -> bool:
    app = platform.werkgever
    return app.exists(app.dienstverband_key(DEMO_WERKGEVER, CANONIEK))


def load_demo(platform: Platform) -> DemoData | None:
    """Load the demo data; None (and nothing recorded) when it is already there."""
    if is_geladen(platform):
        return None
    canoniek = canonical_case(
        DEMO_START + timedelta(days=7), DEMO_WERKGEVER, CANONIEK, arbodienst="arbo-zuid"
    )
    kort = Casus(
        betrokkenen=betrokkenen(DEMO_WERKGEVER, KORT, "arbo-zuid"),
        eerste_ziektedag=DEMO_PEILDATUM - timedelta(days=40),
        duur_dagen=9,
        plan={"herstel_1": StapPlan(registratie_vertraging=3)},
    )
    populatie = simulate(
        platform,
        DEMO_WERKNEMERS,
        DEMO_DAGEN,
        DEMO_SEED,
        start=DEMO_START,
        prefix=DEMO_PREFIX,
        extra=[canoniek, kort],
    )
    return DemoData(populatie, canoniek.dossier_id, kort.dossier_id)
