"""`wvp bench`: the whole suite at quick sizes, the report's shape, and how failures show."""

import importlib.util
import json
import subprocess

import pytest
from typer.testing import CliRunner

from bench import SUITE, Measurement
from bench.runner import met
from tooling.subprocesses import WVP
from wvp.cli import app


def _present(name: str) -> bool:
    """Whether the benchmark's module exists yet (other parts of the suite are being written)."""
    return importlib.util.find_spec(SUITE[name].split(":")[0]) is not None


def test_quick_suite_writes_a_complete_report(tmp_path):
    names = [name for name in SUITE if _present(name)]
    finished = subprocess.run(
        [WVP, "bench", *names, "--quick", "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert [b["name"] for b in report["benchmarks"]] == names
    assert report["quick"] is True
    assert report["command"].endswith(f"{' '.join(names)} --quick --output-dir {tmp_path}")
    assert report["machine"]["cores"] >= 1 and report["machine"]["cpu"]
    assert report["versions"]["eventsourcing"] and report["versions"]["sqlite"]
    assert report["versions"]["postgres server"]
    for benchmark in report["benchmarks"]:
        assert benchmark["error"] is None
        assert benchmark["measurements"], benchmark["name"]
        for m in benchmark["measurements"]:
            assert m["name"] and m["unit"] and m["ours"] > 0
            if m["baseline"]:
                ours, raw = m["ours"], m["baseline"]
                expected = ours / raw if m["higher_is_better"] else raw / ours
                assert m["ratio"] == pytest.approx(expected)
    markdown = (tmp_path / "report.md").read_text()
    assert "| figure | unit | ours | baseline | ratio | goal | met? | bound |" in markdown
    for name in names:
        assert f"## {name}\n" in markdown
    assert "## How to reproduce" in markdown


def test_an_unknown_name_ends_with_exit_code_2_and_the_valid_names():
    result = CliRunner().invoke(app, ["bench", "policy", "geen-bench"])
    assert result.exit_code == 2
    assert "geen-bench" in result.stderr
    for name in SUITE:
        assert name in result.stderr


def fine(quick: bool) -> list[Measurement]:
    return [Measurement("snel", "events/s", 60.0, 100.0, "raw", goal=">= 50% of raw")]


def broken(quick: bool) -> list[Measurement]:
    raise RuntimeError("kapot in de meting")


def test_a_failing_benchmark_is_reported_and_the_rest_still_runs(tmp_path, monkeypatch):
    monkeypatch.setitem(SUITE, "kapot", f"{__name__}:broken")
    monkeypatch.setitem(SUITE, "ontbreekt", "bench.bestaat_niet:run")
    monkeypatch.setitem(SUITE, "goed", f"{__name__}:fine")
    args = ["bench", "kapot", "ontbreekt", "goed", "--quick", "--output-dir", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    report = json.loads((tmp_path / "report.json").read_text())
    kapot, ontbreekt, goed = report["benchmarks"]
    assert "kapot in de meting" in kapot["error"]
    assert "bench.bestaat_niet" in ontbreekt["error"]
    assert goed["error"] is None
    assert goed["measurements"][0]["ratio"] == pytest.approx(0.6)
    assert goed["measurements"][0]["met"] is True
    markdown = (tmp_path / "report.md").read_text()
    assert "**Failed**" in markdown and "| snel | events/s | 60.00 | 100 | 60% |" in markdown
    assert "Baseline: raw." in markdown


@pytest.mark.parametrize(
    ("measurement", "expected"),
    [
        (Measurement("a", "events/s", 29.0, 100.0, goal=">= 30% of raw"), False),
        (Measurement("a", "events/s", 30.0, 100.0, goal=">= 30% of raw"), True),
        (Measurement("a", "ms", 4.0, 1.0, higher_is_better=False, goal=">= 25%"), True),
        (Measurement("a", "ms", 4.0, 1.0, higher_is_better=False, goal="p99 < 5 ms"), None),
        (Measurement("a", "events/s", 30.0, goal=">= 30% of raw"), None),
        (Measurement("a", "ms", 25.0, 1.0, higher_is_better=False, goal="<= 25 ms"), True),
        (Measurement("a", "ms", 25.1, 1.0, higher_is_better=False, goal="<= 25 ms"), False),
        (Measurement("a", "ms", 9.0, goal="<= 10 s"), None),
    ],
)
def test_a_goal_is_judged_by_the_ratio_or_the_limit(measurement, expected):
    assert met(measurement) is expected
