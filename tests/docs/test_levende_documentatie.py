from datetime import UTC, datetime

from wvp.levende_documentatie import main, render


def _feature(status: str, naam: str = "Probleemanalyse <op tijd>") -> dict:
    return {
        "uri": "features/x.feature",
        "name": "Probleemanalyse",
        "description": "week 6",
        "elements": [
            {
                "keyword": "Scenario",
                "name": naam,
                "tags": [{"name": "rij-probleemanalyse"}],
                "steps": [
                    {"keyword": "Gegeven", "name": "een dossier", "result": {"status": "passed"}},
                    {"keyword": "Dan", "name": "op tijd", "result": {"status": status}},
                ],
            }
        ],
    }


def test_toont_scenario_uitkomst_en_dekking_en_ontsnapt_html():
    html = render([_feature("failed")], datetime(2026, 11, 22, tzinfo=UTC))
    assert "1 failed" in html
    assert "Probleemanalyse &lt;op tijd&gt;" in html and "<op tijd>" not in html
    # The probleemanalyse row lists the scenario; a row without any says so.
    assert html.count("<b class=failed>geen</b>") == html.count("<tr>") - 2


def test_onleesbare_invoer_geeft_een_duidelijke_fout(tmp_path, capsys):
    kapot = tmp_path / "c.json"
    kapot.write_text("{niet json")
    assert main([str(kapot), str(tmp_path / "uit.html")]) == 1
    assert "kan" in capsys.readouterr().err
