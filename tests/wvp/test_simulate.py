"""The simulator: deterministic per seed, and a population that looks like domain.md §7."""

from collections import Counter
from datetime import date, timedelta
from itertools import pairwise

from readmodel.index import DossierIndex
from wvp.runtime import running
from wvp.scenario import SAMENTELLING_DAGEN, plan_stappen
from wvp.simulate import duurklasse, populatie, simulate


def _run(data_dir, seed: int):
    with running({"WVP_DATA_DIR": str(data_dir), "WVP_DATABASE_URL": ""}) as platform:
        samenvatting = simulate(platform, 40, 400, seed, start=date(2024, 1, 1))
        dossiers = {}
        for dossier_id in DossierIndex(platform).refresh().dossiers:
            # Ids, payloads and recorded times all follow from the seed, so the hashes do too.
            feiten = [
                (dienst, type(e).__name__, e.geldig_op, e.timestamp, e.data, e.hash)
                for dienst, e in platform.history(dossier_id)
            ]
            dossiers[dossier_id] = feiten
    return samenvatting, dossiers


def test_same_seed_same_population_and_facts(tmp_path):
    eerste, dossiers1 = _run(tmp_path / "a", seed=5)
    tweede, dossiers2 = _run(tmp_path / "b", seed=5)
    assert eerste == tweede
    assert dossiers1 == dossiers2
    assert eerste.dossiers == len(dossiers1) > 0
    # Relapses within four weeks were counted into the earlier dossier by the werkgever service.
    samengeteld = sum(
        1 for feiten in dossiers1.values() for f in feiten if f[1] == "ZiekmeldingSamengeteld"
    )
    assert samengeteld == eerste.samengeteld > 0

    # Another seed draws another population.
    start = date(2024, 1, 1)
    assert [c.perioden() for c in populatie(40, 400, 5, start, "x")[1]] != [
        c.perioden() for c in populatie(40, 400, 6, start, "x")[1]
    ]


def test_population_follows_the_absence_statistics():
    start = date(2024, 1, 1)
    werkgevers, cases = populatie(300, 365, 3, start, "stat")
    grootte = Counter(c.betrokkenen.werkgever_id for c in cases)
    assert len(werkgevers) >= 2 and len(set(grootte.values())) > 1

    spells, terugval = [], 0
    for casus in cases:
        perioden = casus.perioden()
        terugval += len(perioden) - 1
        spells += [(h - b).days for b, h in perioden if h is not None]
        for (_, herstel), (volgende, _) in pairwise(perioden):
            assert (volgende - herstel).days < SAMENTELLING_DAGEN
    klassen = Counter(duurklasse(d) for d in spells)
    # §7: 60% of spells take at most 14 days, about 72% at most a month; ~20% relapse.
    assert 0.52 < klassen["kort"] / len(spells) < 0.68
    assert 0.10 < terugval / len(spells) < 0.30
    assert klassen["lang"] > 0

    # Long cases are late now and then: some plannen van aanpak, most of spoor 2.
    tot = start + timedelta(days=365)
    te_laat = Counter(code for c in cases for code in plan_stappen(c, tot).te_laat)
    assert te_laat["plan_van_aanpak"] > 0
