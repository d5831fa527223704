"""Each party's view of the reference dossier, field by field, against domain.md §2-§3."""

import pytest

QUERY = """query($d: ID!) { dossier(id: $d) {
  id werknemerId werkgeverId eersteZiektedag status classificaties
  timeline { type service classificatie payload actor { rol } }
  documenten { probleemanalyses { beperkingen } medischeProbleemanalyses { diagnose }
    planVanAanpak { doel } evaluaties { soort } riv { aanwezig ontbrekend } }
  deelnemers { rol persoonId }
  kalender { code classificatie }
  toegangslog { rol organisatie actie toegestaan } } }"""

A, F, M = "ADMINISTRATIEF", "FUNCTIONEEL", "MEDISCH"
DOCS = ("probleemanalyses", "medischeProbleemanalyses", "planVanAanpak", "evaluaties", "riv")
# What §3 lets an employer register at the ziekmelding.
AP_ZIEKMELDING = {
    "werknemer_id", "werkgever_id", "telefoon", "verpleegadres", "verwachte_duur_dagen",
    "lopende_taken", "afspraken", "arbeidsongeval", "verkeersongeval_derde", "vangnetregeling",
    "verzuimpercentage",
}  # fmt: skip
EMPLOYER_SIDE = {
    "classes": {A, F},
    "docs": {"probleemanalyses", "planVanAanpak", "evaluaties", "riv"},
    "services": {
        "werkgever",
        "bedrijfsarts",
        "arbeidsdeskundige",
        "providerboog",
        "uwv_submission",
    },
}
# role -> visible classifications, readable documents, services whose facts may appear
EXPECTED = {
    "werknemer": {"classes": {A, F, M}, "docs": set(DOCS), "log": True},
    "bedrijfsarts": {"classes": {A, F, M}, "docs": set(DOCS), "log": True},
    "werkgever": EMPLOYER_SIDE,
    "casemanager": EMPLOYER_SIDE,
    "compliance": {**EMPLOYER_SIDE, "log": "eigen_organisatie"},
    "arbeidsdeskundige": {
        "classes": {A, F},
        "docs": {"probleemanalyses", "planVanAanpak", "evaluaties", "riv"},
        "services": {"werkgever", "bedrijfsarts", "arbeidsdeskundige", "uwv_submission"},
    },
    "uwv": {"classes": {A}, "docs": {"riv"}, "services": {"uwv_submission"}},
    "provider": {"classes": {A}, "docs": set(), "services": {"providerboog"}},
    "verzekeraar": {
        "classes": {A},
        "docs": set(),
        "services": {"werkgever"},
        "types": {
            "ZiekmeldingGeregistreerd",
            "ZiekmeldingSamengeteld",
            "VerzuimpercentageGewijzigd",
            "HerstelmeldingGeregistreerd",
            "VerzekeraarGeinformeerd",
        },
    },
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_party_sees_exactly_its_part(server, reference, role):
    expected = EXPECTED[role]
    answer = server.gql(QUERY, role, d=reference.dossier_id)
    dossier = answer["data"]["dossier"]
    forbidden = {tuple(e["path"][1:]) for e in answer.get("errors", [])}
    assert all(e["extensions"]["code"] == "FORBIDDEN" for e in answer.get("errors", []))

    assert set(dossier["classificaties"]) == expected["classes"]
    timeline = dossier["timeline"]
    assert timeline, "every party with access sees something"
    assert {e["classificatie"] for e in timeline} <= expected["classes"]
    if "services" in expected:
        assert {e["service"] for e in timeline} <= expected["services"]
    if "types" in expected:
        assert {e["type"] for e in timeline} <= expected["types"]
    if M not in expected["classes"]:
        assert not any("diagnose" in e["payload"] or "verslag" in e["payload"] for e in timeline)
        # a referral to a psycholoog is health data: the provider stays unnamed to the employer
        if role != "provider":
            assert "psy1" not in {d["persoonId"] for d in dossier["deelnemers"]}
    for entry in timeline:
        if entry["type"] == "ZiekmeldingGeregistreerd":
            assert set(entry["payload"]) <= AP_ZIEKMELDING

    for doc in DOCS:
        value = dossier["documenten"][doc]
        if doc in expected["docs"]:
            assert ("documenten", doc) not in forbidden, doc
        else:
            assert value is None and ("documenten", doc) in forbidden, doc
    if "probleemanalyses" in expected["docs"]:
        assert dossier["documenten"]["probleemanalyses"][0]["beperkingen"] == "beperkt in tillen"
    if "medischeProbleemanalyses" in expected["docs"]:
        assert reference.canary in dossier["documenten"]["medischeProbleemanalyses"][0]["diagnose"]

    assert {r["classificatie"] for r in dossier["kalender"]} <= expected["classes"]
    if expected.get("log") == "eigen_organisatie":  # who inside the employer looked, no one else
        assert any(t["rol"] == "werkgever" for t in dossier["toegangslog"])
        assert {t["organisatie"] for t in dossier["toegangslog"]} == {"acme"}
        assert "werknemer" not in {t["rol"] for t in dossier["toegangslog"]}
    elif expected.get("log"):
        assert any(t["rol"] == "werkgever" for t in dossier["toegangslog"])
        assert any(t["rol"] == "bedrijfsarts" for t in dossier["toegangslog"])
    else:
        assert dossier["toegangslog"] is None and ("toegangslog",) in forbidden
    assert dossier["werknemerId"] == "wn1"
    if "werkgever" in expected.get("services", {"werkgever"}):
        assert dossier["status"] == "OPEN"
    else:  # the absence itself (herstel) is the employer's record
        assert dossier["status"] is None and ("status",) in forbidden


def test_a_party_without_relation_sees_nothing(server, reference):
    from tests.gateway.support import token

    stranger = f"Bearer {token('bedrijfsarts', subject='ba-other')}"
    answer = server.post(QUERY, variables={"d": reference.dossier_id}, bearer=stranger).json()
    assert answer["data"] == {"dossier": None}
    assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
