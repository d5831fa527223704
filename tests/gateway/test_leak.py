"""Leak test: a medical canary never reaches a party that may not see medical data.

Queries are generated from introspection so that every field reachable from the root is asked
for, in several shapes (fragments, inline fragments, aliases, nested caseload paths, time-travel
variants) and through the subscription. The bedrijfsarts does get the canary, so the test can fail.
"""

import json
from contextlib import ExitStack

import pytest

from tests.gateway.support import NOT_MEDICAL, receive_all, subscribe

INTROSPECTION = """{ __schema { queryType { name } types { name kind fields {
  name args { name defaultValue type { kind name ofType { kind name ofType { kind name } } } }
  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }"""


def _named(t: dict) -> dict:
    while t.get("ofType"):
        t = t["ofType"]
    return t


class Generator:
    def __init__(self, schema: dict):
        self.types = {t["name"]: t for t in schema["types"]}
        self.covered: set[tuple[str, str]] = set()

    def selection(self, type_name: str, path: tuple[str, ...] = ()) -> str:
        parts = []
        for f in self.types[type_name]["fields"]:
            if any(
                a["type"]["kind"] == "NON_NULL" and a["defaultValue"] is None for a in f["args"]
            ):
                continue  # only root fields take required arguments; queries() writes those
            target = _named(f["type"])
            self.covered.add((type_name, f["name"]))
            if target["kind"] in ("SCALAR", "ENUM"):
                parts.append(f["name"])
                parts.extend(self._variants(f, ""))
            elif target["name"] not in path:
                sub = self.selection(target["name"], (*path, type_name))
                parts.append(f"{f['name']} {{ {sub} }}")
                parts.extend(self._variants(f, f" {{ {sub} }}"))
        return " ".join(parts)

    @staticmethod
    def _variants(field: dict, sub: str) -> list[str]:
        """Aliased calls with non-default optional arguments."""
        values = {"Date": '"2026-12-01"', "Boolean": "false", "Int": "3"}
        out = []
        for i, arg in enumerate(field["args"]):
            value = values.get(_named(arg["type"])["name"])
            if value is not None:
                out.append(f"{field['name']}_v{i}: {field['name']}({arg['name']}: {value}){sub}")
        return out

    def reachable(self) -> set[tuple[str, str]]:
        seen, todo, fields = set(), ["Query"], set()
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            for f in self.types[name]["fields"]:
                fields.add((name, f["name"]))
                target = _named(f["type"])
                if target["kind"] == "OBJECT":
                    todo.append(target["name"])
        return fields


def queries(server, dossier_id: str) -> list[str]:
    schema = server.ok(INTROSPECTION, "bedrijfsarts")["__schema"]
    gen = Generator(schema)
    dossier = gen.selection("Dossier", ("Query",))
    gen.covered |= {("Query", "dossier"), ("Query", "caseload"), ("Query", "me")}
    caseload = gen.selection("DossierConnection", ("Query",))
    # The lists outside any dossier, one query each: refused, a list nulls the whole answer.
    lijsten = {"taakdelegaties": "Taakdelegatie", "providers": "Provider"}
    gen.covered |= {("Query", lijst) for lijst in lijsten}
    overzichten = [f"{{ {f} {{ {gen.selection(t, ('Query',))} }} }}" for f, t in lijsten.items()]
    missing = gen.reachable() - gen.covered
    assert not missing, f"generated queries miss {sorted(missing)}"
    fragment = f"fragment D on Dossier {{ {dossier} }}"
    times = [
        "",
        '(asOf: "2026-01-10")',
        '(asOf: "2026-03-01")',
        '(knownAt: "2020-01-01T00:00:00+00:00")',
        '(knownAt: "2100-01-01T00:00:00+00:00")',
        '(asOf: "2026-06-01", knownAt: "2100-01-01T00:00:00+00:00")',
    ]
    aliased = " ".join(
        f'd{i}: dossier(id: "{dossier_id}"{", " + t[1:-1] if t else ""}) {{ ...D }}'
        for i, t in enumerate(times)
    )
    return [
        f'{{ me {{ rol }} dossier(id: "{dossier_id}") {{ {dossier} }} }}',
        f"{{ {aliased} }} {fragment}",
        f'{{ x: dossier(id: "{dossier_id}") {{ ... on Dossier {{ {dossier} }} }} }}',
        # Every field of 50 dossiers stays within the cost limit; 100 would not.
        "{ caseload(first: 50) { " + caseload + " } }",
        "{ a: caseload(status: OPEN) { edges { node { ...D } } } "
        "b: caseload(status: HERSTELD) { edges { node { ...D } } } "
        'c: caseload(werknemerId: "wn1") { edges { node { ...D } } } } ' + fragment,
        *overzichten,
    ]


@pytest.mark.parametrize("role", NOT_MEDICAL)
def test_no_medical_canary_for_parties_without_medical_access(server, reference, role):
    for query in queries(server, reference.dossier_id):
        response = server.post(query, role)
        assert response.status_code == 200
        assert reference.canary not in response.text, (role, query[:200])
        assert "data" in response.json()
        # A query refused as a whole would pass vacuously.
        codes = {e.get("extensions", {}).get("code") for e in response.json().get("errors", [])}
        assert "QUERY_TOO_COMPLEX" not in codes, query[:200]


@pytest.mark.parametrize("role", ["bedrijfsarts", "werknemer"])
def test_the_canary_is_there_for_those_who_may_see_it(server, reference, role):
    found = [
        reference.canary in server.post(q, role).text for q in queries(server, reference.dossier_id)
    ]
    assert all(found[:3]), found  # the direct dossier queries
    assert found[3] == (role == "bedrijfsarts" or role == "werknemer")


def test_subscription_never_pushes_the_canary(server, reference):
    roles = [*NOT_MEDICAL, "bedrijfsarts"]
    with ExitStack() as stack:
        sockets = {
            r: stack.enter_context(subscribe(server, r, reference.dossier_id)) for r in roles
        }
        receive_all(sockets["bedrijfsarts"], 0.3)  # the subscriptions are in place
        new_canary = reference.canary + "-live"
        server.ok(
            "mutation($d: ID!) { legConsultVast(dossierId: $d, input: "
            f'{{geldigOp: "2026-05-01", verslag: "{new_canary}"}}) {{ dossierId }} }}',
            "bedrijfsarts",
            d=reference.dossier_id,
        )
        server.ok(
            "mutation($d: ID!) { legVoortgangVast(dossierId: $d, input: "
            '{geldigOp: "2026-05-02", samenvatting: "week 17"}) { dossierId } }',
            "casemanager",
            d=reference.dossier_id,
        )
        received = {role: receive_all(ws, 3.0) for role, ws in sockets.items()}
    for role in NOT_MEDICAL:
        text = "\n".join(received[role])
        assert new_canary not in text and reference.canary not in text, role
    assert new_canary in "\n".join(received["bedrijfsarts"])
    pushed = [json.loads(m) for m in received["werkgever"]]
    types = [m["payload"]["data"]["timeline"]["type"] for m in pushed if m["type"] == "next"]
    assert "VoortgangVastgelegd" in types and "ConsultGehouden" not in types
