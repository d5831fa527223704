"""`wvp bench scale`: a tiny population measured end to end, and the dossier target."""

import json
from datetime import date

from bench.scale import DAYS, SEED, employees_for, measurements, run_scale
from wvp.simulate import populatie


def test_employees_for_hits_the_dossier_target():
    for target in (500, 3_000):
        _, cases = populatie(employees_for(target), DAYS, SEED, date(2024, 1, 1), "x")
        assert abs(len(cases) - target) / target < 0.1


def test_a_tiny_population_is_measured_end_to_end(tmp_path):
    (population,) = run_scale([30], tmp_path, tmp_path / "work", requests=20, max_seconds=10)
    written = json.loads((tmp_path / "scale.json").read_text())
    assert written["populations"] == [population]
    assert (tmp_path / "scale.png").read_bytes().startswith(b"\x89PNG")
    assert population["dossiers"] > 0 and population["commands"] > population["dossiers"]
    # A fresh store: the rebuild reads exactly what the simulation recorded.
    assert population["rebuild_events"] == population["events"]
    assert population["store_bytes"] > 1_000 * population["dossiers"]
    for kind in ("dossier", "caseload", "me", "raw"):
        assert population[f"{kind}_requests"] == 20
        assert 0 < population[f"{kind}_p50_ms"] <= population[f"{kind}_p99_ms"]
    assert population["simulate_peak_mb"] > 0 and population["serve_peak_mb"] > 0
    # Every caseload request decided on its employer's dossiers.
    assert 0 < population["caseload_size_median"] <= population["dossiers"]
    figures = measurements([population])
    n = population["dossiers"]
    assert f"scale {n} dossiers, one-dossier query, 10 clients, p99" in [m.name for m in figures]
    assert all(m.ours > 0 for m in figures)

    # A second run reuses the finished simulation (its figures come back unchanged).
    (again,) = run_scale([30], tmp_path, tmp_path / "work", requests=20, max_seconds=10)
    assert again["simulate_s"] == population["simulate_s"]
