"""The `wvp` command line, run in-process on a fresh store."""

import json
import re

import pytest
from typer.testing import CliRunner

from wvp.cli import app
from wvp.demo import CANONIEK, DEMO_WERKGEVER

runner = CliRunner()


@pytest.fixture
def env(tmp_path):
    # A wide terminal keeps table cells (ids, event names) on one line.
    return {"WVP_DATA_DIR": str(tmp_path / "data"), "WVP_DATABASE_URL": "", "COLUMNS": "250"}


def test_simulate_prints_a_summary(env):
    result = runner.invoke(
        app, ["simulate", "--employees", "8", "--days", "150", "--seed", "4"], env=env
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"werknemers\s+│\s+8\s", result.output)
    assert re.search(r"events: werkgever\s+│\s+\d+", result.output)
    assert "Klaar in" in result.output


def test_demo_loads_once_and_shows_a_dossier(env):
    eerste = runner.invoke(app, ["demo"], env=env)
    assert eerste.exit_code == 0, eerste.output
    dossier = re.search(r"Volledig 104-wekendossier: (\S+)", eerste.output).group(1)

    tweede = runner.invoke(app, ["demo"], env=env)
    assert tweede.exit_code == 0, tweede.output
    assert "staat er al" in tweede.output and "Volledig" not in tweede.output

    lijst = runner.invoke(app, ["dossiers"], env=env)
    assert dossier in lijst.output

    # The employee replays their own dossier; the calendar shows the 42-weken melding on time.
    als_werknemer = ["--as", "werknemer", "--subject", CANONIEK, "--org", DEMO_WERKGEVER]
    getoond = runner.invoke(app, ["replay", dossier, *als_werknemer, "--json"], env=env)
    assert getoond.exit_code == 0, getoond.output
    afgespeeld = json.loads(getoond.output)
    soorten = {feit["type"] for feit in afgespeeld["tijdlijn"]}
    assert {"ZiekmeldingSamengeteld", "WiaBesluitOntvangen"} <= soorten
    statussen = {v["code"]: v["status"] for v in afgespeeld["kalender"]}
    assert statussen["melding_42_weken"] == "op_tijd"

    # An employer in another organisation gets nothing, in one line.
    vreemd = ["--as", "werkgever", "--subject", "hr-x", "--org", "andere-werkgever"]
    geweigerd = runner.invoke(app, ["replay", dossier, *vreemd], env=env)
    assert geweigerd.exit_code == 1 and "ZiekmeldingGeregistreerd" not in geweigerd.output

    gecontroleerd = runner.invoke(app, ["verify"], env=env)
    assert gecontroleerd.exit_code == 0 and "alle ketens intact" in gecontroleerd.output


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["replay", "x", "--as", "koning", "--subject", "a", "--org", "b"], "koning"),
        (
            [
                "replay",
                "x",
                "--as",
                "werknemer",
                "--subject",
                "a",
                "--org",
                "b",
                "--as-of",
                "2025-02-30",
            ],
            "2025-02-30",
        ),
        (["simulate", "--start", "morgen"], "geen datum"),
    ],
)
def test_errors_are_one_line(env, args, melding):
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 1
    assert melding in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
