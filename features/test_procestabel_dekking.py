"""Every row of the process table (domain.md §5) has at least one scenario.

Scenarios name the calendar obligation they assert with a tag `@rij-<code>`; a row of the table is
covered when one of its codes is tagged. A tag naming no known code fails too, so a renamed
obligation cannot silently drop its scenarios.
"""

import re
from collections import defaultdict
from pathlib import Path

from poortwachter.kalender import RIJEN

FEATURES = Path(__file__).parent


def _getagde_codes() -> set[str]:
    tags = set()
    for feature in FEATURES.glob("*.feature"):
        tags.update(re.findall(r"@rij-(\w+)", feature.read_text()))
    return tags


def test_elke_rij_van_de_procestabel_heeft_een_scenario():
    codes_per_rij = defaultdict(set)
    for rij in RIJEN:
        codes_per_rij[rij.tabelrij].add(rij.code)
    getagd = _getagde_codes()
    zonder_scenario = {
        nummer: sorted(codes) for nummer, codes in codes_per_rij.items() if not codes & getagd
    }
    assert not zonder_scenario, f"rijen van §5 zonder scenario: {zonder_scenario}"


def test_elke_rij_tag_noemt_een_bestaande_verplichting():
    bekend = {rij.code for rij in RIJEN}
    assert _getagde_codes() <= bekend, f"onbekende rij-tags: {_getagde_codes() - bekend}"
