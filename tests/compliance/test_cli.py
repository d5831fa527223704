"""The compliance commands of `wvp`, run on the scenario's SQLite store."""

import json

import pytest
from typer.testing import CliRunner

from tests.compliance.conftest import CANARY, dag
from wvp.cli import app
from wvp.cli import console as cli

runner = CliRunner()


@pytest.fixture
def store(scenario, monkeypatch):
    monkeypatch.setenv("WVP_DATA_DIR", scenario.data_dir)
    monkeypatch.setenv("WVP_DATABASE_URL", "")
    monkeypatch.setattr(cli.console, "width", 250)  # wide enough that no fact name folds
    return scenario


def test_replay_json_both_ways(store):
    who = ["--as", "compliance", "--subject", "co-1", "--org", "acme", "--json"]
    valid = runner.invoke(app, ["replay", store.dossier_id, "--as-of", str(dag(102)), *who])
    known = runner.invoke(
        app, ["replay", store.dossier_id, "--known-at", f"{dag(102)}T12:00", *who]
    )
    assert valid.exit_code == 0 and known.exit_code == 0, valid.output + known.output
    assert json.loads(valid.output)["stand"]["hersteld_op"] == str(dag(100))
    assert json.loads(known.output)["stand"]["status"] == "open"
    assert CANARY not in valid.output


def test_replay_tables(store):
    who = ["--as", "bedrijfsarts", "--subject", "ba-1", "--org", "arbodienst"]
    result = runner.invoke(app, ["replay", store.dossier_id, *who, "--as-of", str(dag(60))])
    assert result.exit_code == 0, result.output
    assert "Poortwachterkalender per 2026-03-06" in result.output
    assert "MedischeProbleemanalyseVastgelegd" in result.output


def test_replay_refuses_a_bad_role(store):
    result = runner.invoke(
        app, ["replay", store.dossier_id, "--as", "baas", "--subject", "x", "--org", "acme"]
    )
    assert result.exit_code == 1
    assert "onbekende rol 'baas'" in result.stderr


def test_verify_and_export_and_rebuild(store, tmp_path):
    verified = runner.invoke(app, ["verify", store.dossier_id, "--json"])
    assert verified.exit_code == 0, verified.output
    digest = json.loads(verified.output)["digest"]
    assert (
        runner.invoke(app, ["verify", store.dossier_id, "--expect-digest", digest]).exit_code == 0
    )
    wrong = runner.invoke(app, ["verify", store.dossier_id, "--expect-digest", "0" * 64])
    assert wrong.exit_code == 1 and "digest wijkt af" in wrong.output

    out = tmp_path / "bundel.json"
    who = ["--as", "compliance", "--subject", "co-1", "--org", "acme", "--format", "json"]
    exported = runner.invoke(app, ["audit", "export", store.dossier_id, *who, "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    assert runner.invoke(app, ["verify", store.dossier_id, "--anchor", str(out)]).exit_code == 0

    rebuilt = runner.invoke(app, ["rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "herbouwd gelijk" in rebuilt.output
