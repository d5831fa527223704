"""The evidence bundle in its three formats; the PDF is read back with pypdf."""

import json

import pytest
from pypdf import PdfReader

from compliance.bundle import bundle, export
from compliance.replay import replay
from compliance.verify import load_anchor, verify
from tests.compliance.conftest import CANARY, ROLES, dag


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def compliance_bundle(scenario):
    return bundle(scenario.platform, scenario.dossier_id, ROLES["compliance"], peildatum=dag(120))


def test_calendar_says_what_was_done_when_by_whom_on_which_advice(compliance_bundle):
    rows = {v["code"]: v for v in compliance_bundle["kalender"]}
    plan = rows["plan_van_aanpak"]
    assert (plan["uiterlijk"], plan["gedaan_op"], plan["status"]) == (
        str(dag(54)),
        str(dag(52)),
        "op_tijd",
    )
    # Agreed on day 52, before the deadline, but recorded only on day 70: the bundle says so.
    assert (plan["vastgelegd_op"], plan["te_laat_vastgelegd"]) == (str(dag(70)), True)
    assert plan["stand"] == f"op_tijd, te laat vastgelegd op {dag(70)}"
    assert plan["gedaan_door"] == ["casemanager cm-1 (acme)"]
    assert plan["advies"] == [
        f"ProbleemanalyseOpgeleverd van {dag(40)} door bedrijfsarts ba-1 (arbodienst)"
    ]
    # The employer's system copy of the probleemanalyse does not hide who wrote it.
    assert rows["probleemanalyse"]["gedaan_door"] == ["bedrijfsarts ba-1 (arbodienst)"]
    assert rows["herstelmelding"]["gedaan_op"] == str(dag(100))
    assert compliance_bundle["stand"]["hersteld_op"] == str(dag(100))
    docs = compliance_bundle["documenten"]
    assert [d["type"] for d in docs["probleemanalyse (functioneel deel)"]] == [
        "ProbleemanalyseOntvangen"
    ]
    assert len(docs["bijstelling plan van aanpak"]) == 1
    assert "probleemanalyse (medisch deel)" not in docs
    assert compliance_bundle["riv"]["aanwezig"] == ["plan_van_aanpak", "probleemanalyse"]
    assert compliance_bundle["ketting"]["ok"]
    # Of who looked, compliance reads only its own organisation's part.
    assert compliance_bundle["toegangslog_omvang"] == "eigen_organisatie"


def test_compliance_bundle_lists_only_its_own_organisations_accesses(scenario):
    replay(scenario.platform, scenario.dossier_id, ROLES["werkgever"])  # HR looks
    replay(scenario.platform, scenario.dossier_id, ROLES["bedrijfsarts"])  # and so does the BA
    b = bundle(scenario.platform, scenario.dossier_id, ROLES["compliance"], peildatum=dag(120))
    gelezen = {(t["wie"], t["actie"]) for t in b["toegangslog"]}
    assert ("werkgever hr-1 (acme)", "inzage") in gelezen
    assert ("compliance co-1 (acme)", "inzage") in gelezen
    assert {wie for wie, _ in gelezen} <= {
        "werkgever hr-1 (acme)",
        "casemanager cm-1 (acme)",
        "compliance co-1 (acme)",
    }
    # The whole log does name the bedrijfsarts: the cut, not an empty log, keeps it out.
    volledig = bundle(scenario.platform, scenario.dossier_id, ROLES["bedrijfsarts"], dag(120))
    assert ("bedrijfsarts ba-1 (arbodienst)", "inzage") in {
        (t["wie"], t["actie"]) for t in volledig["toegangslog"]
    }


def test_werknemer_bundle_has_the_access_log(scenario, compliance_bundle):
    b = bundle(scenario.platform, scenario.dossier_id, ROLES["werknemer"], peildatum=dag(120))
    wie = {t["wie"] for t in b["toegangslog"]}
    assert "compliance co-1 (acme)" in wie  # the compliance export was a logged read
    assert "werknemer wn-1 (acme)" in wie


@pytest.mark.parametrize(("role", "medical"), [("compliance", False), ("bedrijfsarts", True)])
def test_pdf_holds_the_facts_and_medical_content_only_for_the_bedrijfsarts(
    scenario, tmp_path, role, medical
):
    out = tmp_path / f"{role}.pdf"
    b = export(scenario.platform, scenario.dossier_id, ROLES[role], "pdf", out, dag(120))
    assert out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    for fact in (
        f"Bewijsdossier {scenario.dossier_id}",
        "Poortwachterkalender per 2026-05-05",
        "Plan van aanpak met SMART-afspraken",
        "PlanVanAanpakBijgesteld",
        "HerstelmeldingGeregistreerd",
        "casemanager cm-1 (acme)",
        "Intact",
        b["ketting"]["digest"],
    ):
        assert fact in text, fact
    assert (CANARY in text) is medical
    # The late recording of the plan van aanpak, however the narrow column wraps it.
    assert "op_tijd, te laat vastgelegd op 2026-03-16" in " ".join(text.split())


@pytest.mark.parametrize(("role", "medical"), [("compliance", False), ("bedrijfsarts", True)])
def test_html_and_json(scenario, tmp_path, role, medical):
    for fmt in ("html", "json"):
        out = tmp_path / f"{role}.{fmt}"
        export(scenario.platform, scenario.dossier_id, ROLES[role], fmt, out, dag(120))
        text = out.read_text()
        assert scenario.dossier_id in text
        assert (CANARY in text) is medical
    saved = json.loads((tmp_path / f"{role}.json").read_text())
    assert saved["ketting"]["heads"]
    # The bundle anchors the chain heads: a later verify checks them.
    assert verify(scenario.platform, scenario.dossier_id, load_anchor(tmp_path / f"{role}.json")).ok


def test_unknown_format_is_refused(scenario, tmp_path):
    with pytest.raises(ValueError, match="formaat"):
        export(scenario.platform, scenario.dossier_id, ROLES["compliance"], "docx", tmp_path / "x")
