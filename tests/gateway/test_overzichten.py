"""The lists outside any dossier: taakdelegaties and the provider catalogue.

Who may read them is the policy's (policies/overzichten.rego): a delegation is for the
bedrijfsarts who granted it and the CMTD it names; the catalogue for the parties that refer, and
a provider's own entry for that provider. Everyone else is refused with FORBIDDEN.
"""

import pytest

from events import CONTRACTS, Classificatie
from gateway.schema import build_schema
from tests.gateway.support import start_server, token

DELEGATIES = """{ taakdelegaties {
  delegatieId bedrijfsartsId gedelegeerdeId taken dossiers tot ingetrokkenOp
} }"""
PROVIDERS = "{ providers { providerId naam soort sinds } }"


def _mutatie(server, bearer: str, naam: str, velden: str) -> None:
    answer = server.post(
        f"mutation {{ {naam}(input: {{ {velden} }}) {{ events {{ type }} }} }}",
        bearer=f"Bearer {bearer}",
    ).json()
    assert not answer.get("errors"), answer


def _vraag(server, document: str, rol: str, persoon: str, organisatie: str) -> dict:
    bearer = f"Bearer {token(rol, persoon, organisatie)}"
    response = server.post(document, bearer=bearer)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = start_server(tmp_path_factory.mktemp("overzichten"))
    delegaties = [
        ("ba1", "del-1", "cmtd-sara", "[TRIAGE]", "null"),
        ("ba1", "del-2", "cmtd-tom", "[TRIAGE, WERKNEMER_OPROEPEN]", '["d-9"]'),
        ("ba2", "del-3", "cmtd-sara", "[OORDEEL_RAPPORTEREN]", "null"),
    ]
    for ba, delegatie, gedelegeerde, taken, dossiers in delegaties:
        _mutatie(
            started,
            token("bedrijfsarts", ba, "arbo"),
            "verleenTaakdelegatie",
            f'geldigOp: "2026-03-02", delegatieId: "{delegatie}", '
            f'gedelegeerdeId: "{gedelegeerde}", taken: {taken}, dossiers: {dossiers}, '
            'tot: "2026-06-30"',
        )
    _mutatie(
        started,
        token("bedrijfsarts", "ba1", "arbo"),
        "trekTaakdelegatieIn",
        'geldigOp: "2026-04-01", delegatieId: "del-2"',
    )
    for provider, soort in (("psy1", "PSYCHOLOOG"), ("fysio1", "FYSIOTHERAPEUT")):
        _mutatie(
            started,
            token("provider", f"{provider}-admin", provider),
            "registreerProvider",
            f'geldigOp: "2026-01-01", providerId: "{provider}", naam: "{provider} bv", '
            f"soort: {soort}",
        )
    yield started
    started.stop()


def _ids(answer: dict, lijst: str, veld: str) -> list[str]:
    assert not answer.get("errors"), answer
    return [entry[veld] for entry in answer["data"][lijst]]


def test_the_bedrijfsarts_reads_the_delegations_it_granted(server):
    answer = _vraag(server, DELEGATIES, "bedrijfsarts", "ba1", "arbo")
    assert answer["data"]["taakdelegaties"] == [
        {
            "delegatieId": "del-1",
            "bedrijfsartsId": "ba1",
            "gedelegeerdeId": "cmtd-sara",
            "taken": ["TRIAGE"],
            "dossiers": None,
            "tot": "2026-06-30",
            "ingetrokkenOp": None,
        },
        {
            "delegatieId": "del-2",
            "bedrijfsartsId": "ba1",
            "gedelegeerdeId": "cmtd-tom",
            "taken": ["TRIAGE", "WERKNEMER_OPROEPEN"],
            "dossiers": ["d-9"],
            "tot": "2026-06-30",
            "ingetrokkenOp": "2026-04-01",
        },
    ]
    assert _ids(
        _vraag(server, DELEGATIES, "bedrijfsarts", "ba2", "arbo"), "taakdelegaties", "delegatieId"
    ) == ["del-3"]


def test_a_cmtd_reads_the_delegations_it_holds_from_any_bedrijfsarts(server):
    answer = _vraag(server, DELEGATIES, "cmtd", "cmtd-sara", "arbo")
    assert _ids(answer, "taakdelegaties", "delegatieId") == ["del-1", "del-3"]
    answer = _vraag(server, DELEGATIES, "cmtd", "cmtd-tom", "arbo")
    assert _ids(answer, "taakdelegaties", "delegatieId") == ["del-2"]


def test_a_bedrijfsarts_without_delegations_reads_an_empty_list(server):
    answer = _vraag(server, DELEGATIES, "bedrijfsarts", "ba3", "arbo")
    assert _ids(answer, "taakdelegaties", "delegatieId") == []


@pytest.mark.parametrize(
    "rol", ["werkgever", "casemanager", "compliance", "werknemer", "provider", "uwv"]
)
def test_other_parties_are_refused_the_delegations(server, rol):
    # Same person id as a delegate: the role decides, not a matching name.
    answer = _vraag(server, DELEGATIES, rol, "cmtd-sara", "arbo")
    assert answer["data"] is None
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["FORBIDDEN"]


@pytest.mark.parametrize("rol", ["bedrijfsarts", "werkgever", "casemanager"])
def test_the_parties_that_refer_read_the_whole_catalogue(server, rol):
    answer = _vraag(server, PROVIDERS, rol, "iemand", "acme")
    assert answer["data"]["providers"] == [
        {"providerId": "psy1", "naam": "psy1 bv", "soort": "PSYCHOLOOG", "sinds": "2026-01-01"},
        {
            "providerId": "fysio1",
            "naam": "fysio1 bv",
            "soort": "FYSIOTHERAPEUT",
            "sinds": "2026-01-01",
        },
    ]


def test_a_provider_reads_only_its_own_entry(server):
    answer = _vraag(server, PROVIDERS, "provider", "fysio1-admin", "fysio1")
    assert _ids(answer, "providers", "providerId") == ["fysio1"]


@pytest.mark.parametrize("rol", ["werknemer", "cmtd", "uwv", "verzekeraar", "compliance"])
def test_other_parties_are_refused_the_catalogue(server, rol):
    answer = _vraag(server, PROVIDERS, rol, "iemand", "acme")
    assert answer["data"] is None
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["FORBIDDEN"]


def test_the_catalogue_holds_no_health_data():
    fields = {f.name for f in build_schema().get_type_by_name("Provider").fields}
    assert fields == {"provider_id", "naam", "soort", "sinds"}
    assert CONTRACTS["ProviderGeregistreerd"].classificatie == Classificatie.ADMINISTRATIEF
