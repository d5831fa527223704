"""End to end against `wvp serve` in a subprocess: HTTP, websocket, errors, limits."""

import asyncio
import json
import sqlite3

from events import Actor, Rol
from gateway.context import Context
from gateway.schema import build_schema
from gateway.service import Gateway
from gateway.settings import GatewaySettings
from tests.gateway.support import receive_all, start_server, subscribe, token
from wvp.runtime import running

TIMELINE = "query($d: ID!) { dossier(id: $d) { timeline { id type } } }"


def _count(server, dossier_id: str) -> int:
    return len(server.ok(TIMELINE, "werknemer", d=dossier_id)["dossier"]["timeline"])


def _error(answer: dict) -> dict:
    (error,) = answer["errors"]
    return error


def test_graphiql_page_is_served_in_development(server):
    response = server.client.get(server.graphql, headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()


def test_mutation_errors_are_typed_and_record_nothing(server, reference):
    d = reference.dossier_id
    before = _count(server, d)
    invalid = server.gql(
        'mutation($d: ID!) { legVoortgangVast(dossierId: $d, input: {geldigOp: "2026-05-01", '
        'samenvatting: ""}) { dossierId } }',
        "casemanager",
        d=d,
    )
    assert _error(invalid)["extensions"]["code"] == "VALIDATION"
    assert _error(invalid)["extensions"]["problems"]
    rule = server.gql(
        'mutation($d: ID!) { legVoortgangVast(dossierId: $d, input: {geldigOp: "2025-01-01", '
        'samenvatting: "te vroeg"}) { dossierId } }',
        "casemanager",
        d=d,
    )
    assert _error(rule)["extensions"]["code"] == "DOMAIN_RULE"
    forbidden = server.gql(
        'mutation($d: ID!) { leverProbleemanalyseOp(dossierId: $d, input: {geldigOp: "2026-05-01",'
        ' mogelijkheden: "m", beperkingen: "b", advies: "a", diagnose: "door werkgever"}) '
        "{ dossierId } }",
        "werkgever",
        d=d,
    )
    assert _error(forbidden)["extensions"]["code"] == "FORBIDDEN"
    riv = server.gql(
        'mutation($d: ID!) { stelRivSamen(dossierId: $d, input: {geldigOp: "2026-09-01", '
        "onderdelen: [PROBLEEMANALYSE]}) { dossierId } }",
        "casemanager",
        d=d,
    )
    assert _error(riv)["extensions"]["code"] == "DOMAIN_RULE"
    assert "eindevaluatie" in _error(riv)["extensions"]["ontbrekend"]
    assert all(answer["data"] is None for answer in (invalid, rule, forbidden, riv))
    assert _count(server, d) == before


def test_unknown_dossier_looks_the_same_as_a_forbidden_one(server, reference):
    unknown = server.gql('{ dossier(id: "nope") { id } }', "werkgever")
    other = server.gql(
        "query($d: ID!) { dossier(id: $d) { id } }", "verzekeraar", d="not-" + reference.dossier_id
    )
    assert _error(unknown)["extensions"]["code"] == _error(other)["extensions"]["code"]
    assert unknown["data"] == {"dossier": None}


def test_time_travel_by_valid_and_recorded_time(server, reference):
    query = (
        "query($d: ID!, $a: Date, $k: DateTime) { dossier(id: $d, asOf: $a, knownAt: $k) "
        "{ asOf knownAt timeline { type geldigOp recordedAt } documenten { planVanAanpak { doel "
        "bijstellingen { reden } } riv { aanwezig ontbrekend } } } }"
    )
    now = server.ok(query, "casemanager", d=reference.dossier_id)["dossier"]
    early = server.ok(query, "casemanager", d=reference.dossier_id, a="2026-02-15")["dossier"]
    assert early["asOf"] == "2026-02-15"
    assert all(e["geldigOp"] <= "2026-02-15" for e in early["timeline"])
    assert early["documenten"]["planVanAanpak"] is None
    assert now["documenten"]["planVanAanpak"]["bijstellingen"][0]["reden"] == "voortgang"
    middle = sorted(e["recordedAt"] for e in now["timeline"])[5]
    known = server.ok(query, "casemanager", d=reference.dossier_id, k=middle)["dossier"]
    assert all(e["recordedAt"] <= middle for e in known["timeline"])
    assert 0 < len(known["timeline"]) < len(now["timeline"])
    assert "plan_van_aanpak" in now["documenten"]["riv"]["aanwezig"]
    assert "plan_van_aanpak" in early["documenten"]["riv"]["ontbrekend"]


def test_caseload_pages_with_cursors(server, reference):
    for n in range(3):
        server.ok(
            "mutation($i: RegistreerZiekmeldingInput!) { registreerZiekmelding(input: $i) "
            "{ dossierId } }",
            "werkgever",
            i={"geldigOp": f"2026-03-0{n + 1}", "werknemerId": f"pag{n}", "werkgeverId": "acme"},
        )
    query = (
        "query($a: String) { caseload(first: 2, after: $a) { totalCount "
        "edges { cursor node { id werknemerId status } } pageInfo { hasNextPage endCursor } } }"
    )
    seen, after = [], None
    for _ in range(10):
        page = server.ok(query, "werkgever", a=after)["caseload"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] >= 4
    assert reference.dossier_id in seen
    mine = server.ok("{ caseload { edges { node { id } } } }", "werknemer")["caseload"]["edges"]
    assert [e["node"]["id"] for e in mine] == [reference.dossier_id]
    elders = f"Bearer {token('werkgever', org='elders')}"
    other = server.post("{ caseload { totalCount } }", bearer=elders).json()
    assert other["data"]["caseload"]["totalCount"] == 0
    bad = server.gql('{ caseload(after: "rommel") { totalCount } }', "werkgever")
    assert _error(bad)["extensions"]["code"] == "BAD_REQUEST"


def test_subscription_pushes_new_entries(server, reference):
    with subscribe(server, "casemanager", reference.dossier_id) as ws:
        receive_all(ws, 0.3)
        server.ok(
            'mutation($d: ID!) { legVoortgangVast(dossierId: $d, input: {geldigOp: "2026-06-01", '
            'samenvatting: "live"}) { dossierId } }',
            "casemanager",
            d=reference.dossier_id,
        )
        messages = [json.loads(m) for m in receive_all(ws, 2.0)]
    pushed = [m["payload"]["data"]["timeline"] for m in messages if m["type"] == "next"]
    assert any(p["payload"].get("samenvatting") == "live" for p in pushed)


def test_depth_alias_and_token_limits(server, reference):
    deepest = (
        "{ caseload { edges { node { documenten { planVanAanpak { bijstellingen "
        "{ afspraken { wat } } } } } } } }"
    )
    assert "errors" not in server.gql(deepest, "werkgever")
    too_deep = "{ __schema { queryType " + "{ ofType " * 20 + "{ name }" + " }" * 21 + " }"
    (refused,) = server.gql(too_deep, "werkgever")["errors"]
    assert refused["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "diepte 23 boven de grens 16" in refused["message"]
    aliases = " ".join(f"m{i}: me {{ rol }}" for i in range(50))
    (refused,) = server.gql("{ " + aliases + " }", "werkgever")["errors"]
    assert "50 aliassen boven de grens 40" in refused["message"]
    tokens = " ".join("rol" for _ in range(5000))
    assert "token" in server.gql("{ me { " + tokens + " } }", "werkgever")["errors"][0]["message"]


def test_production_turns_off_graphiql_and_introspection(tmp_path):
    server = start_server(
        tmp_path,
        {
            "WVP_ENV": "production",
            "WVP_JWT_PUBLIC_KEYS": "",
            "WVP_GRAPHIQL": "",
            "WVP_INTROSPECTION": "",
        }
        | {"WVP_ENV": "development", "WVP_GRAPHIQL": "0", "WVP_INTROSPECTION": "0"},
    )
    try:
        page = server.client.get(server.graphql, headers={"accept": "text/html"})
        assert page.status_code == 404
        answer = server.gql("{ __schema { types { name } } }", "werkgever")
        assert answer["errors"] and "introspection" in answer["errors"][0]["message"].lower()
        assert server.ok("{ me { rol } }", "werkgever") == {"me": {"rol": "werkgever"}}
    finally:
        server.stop()
    defaults = GatewaySettings.from_env({"WVP_ENV": "production"})
    assert not defaults.graphiql and not defaults.introspection and defaults.production


def test_unexpected_errors_are_masked(tmp_path):
    env = {"WVP_DATA_DIR": str(tmp_path), "WVP_DATABASE_URL": ""}
    actor = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
    with running(env) as platform:
        gateway = Gateway(platform)
        with sqlite3.connect(tmp_path / "werkgever.sqlite") as db:
            db.execute("DROP TABLE stored_events")  # the store breaks under the gateway
        result = asyncio.run(
            build_schema().execute(
                "{ caseload { totalCount } }", context_value=Context(gateway, actor=actor)
            )
        )
        gateway.close()
    (error,) = result.errors
    assert error.message == "Interne fout."
    assert "stored_events" not in json.dumps(error.formatted) and "Traceback" not in error.message


def test_queries_over_get_work_and_mutations_over_get_do_not(server):
    headers = {"Authorization": f"Bearer {token('werkgever')}"}
    ok = server.client.get(server.graphql, params={"query": "{ me { rol } }"}, headers=headers)
    assert ok.json()["data"] == {"me": {"rol": "werkgever"}}
    mutation = (
        'mutation { registreerZiekmelding(input: {geldigOp: "2026-01-01", werknemerId: "g", '
        'werkgeverId: "acme"}) { dossierId } }'
    )
    refused = server.client.get(server.graphql, params={"query": mutation}, headers=headers)
    assert refused.status_code == 400  # a GET must not change anything
    werknemer = server.post(
        "{ caseload { totalCount } }", bearer=f"Bearer {token('werknemer', 'g')}"
    )
    assert werknemer.json()["data"]["caseload"]["totalCount"] == 0


def test_a_variable_that_does_not_fit_says_why_and_is_not_an_internal_error(server, reference):
    query = (
        "mutation($d: ID!, $input: LegVoortgangVastInput!) "
        "{ legVoortgangVast(dossierId: $d, input: $input) { dossierId } }"
    )
    for wrong, named in (
        ({"geldigOp": "2026-05-01", "samenvatting": "x", "diagnose": "griep"}, "diagnose"),
        ({"geldigOp": "geen datum", "samenvatting": "x"}, "geldigOp"),
    ):
        answer = server.gql(query, "casemanager", d=reference.dossier_id, input=wrong)
        message = _error(answer)["message"]
        assert named in message and "Interne fout" not in message
