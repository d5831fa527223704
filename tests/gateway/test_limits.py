"""Hostile queries: each is refused before it is validated or run, in the time it takes to read
it, and the gateway keeps answering everyone else."""

import httpx
import pytest
from graphql import get_introspection_query, parse

from gateway.limits import Limits, Measure, measure
from gateway.schema import MAX_PAGE, build_schema
from gateway.settings import GatewaySettings
from tests.gateway.support import token

# Well past any honest answer time, far below "hangs": the bound of each request below.
PATIENCE = 15.0


def fragment_bomb(levels: int) -> str:
    """Each fragment spreads the one before it twice: 2**levels fields once expanded."""
    fragments = ["fragment F0 on Query { me { rol } }"]
    fragments += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels)]
    return f"query {{ ...F{levels - 1} }}\n" + "\n".join(fragments)


def ask(server, query: str, role: str) -> httpx.Response:
    body = {"query": query}
    headers = {"Authorization": f"Bearer {token(role)}"}
    return server.client.post(server.graphql, json=body, headers=headers, timeout=PATIENCE)


@pytest.mark.parametrize("role", ["werkgever", "werknemer", "verzekeraar"])
def test_a_fragment_bomb_is_refused_and_the_gateway_keeps_answering(server, role):
    bomb = fragment_bomb(60)
    assert len(bomb) > 2000  # the size of the query that hung the server
    (refused,) = ask(server, bomb, role).json()["errors"]
    assert refused["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "kosten meer dan" in refused["message"]
    assert ask(server, "{ me { rol } }", role).json() == {"data": {"me": {"rol": role}}}


def test_introspection_is_bounded_by_cost_as_well_as_depth(server):
    wide = (
        "{ __schema { types { fields { args { type { inputFields { type { enumValues "
        "{ name description } } } } } } } } }"
    )
    (refused,) = ask(server, wide, "werkgever").json()["errors"]
    assert refused["extensions"]["code"] == "QUERY_TOO_COMPLEX" and "kosten" in refused["message"]
    # The introspection GraphiQL sends still passes.
    answer = ask(server, get_introspection_query(descriptions=True), "werkgever").json()
    assert "errors" not in answer and answer["data"]["__schema"]["queryType"]["name"] == "Query"


def test_a_page_counts_at_the_size_it_asks_for(server):
    page = (
        "caseload(first: {n}) {{ edges {{ node {{ kalender "
        "{{ code status uiterlijk gedaanOp }} }} }} }}"
    )
    many = " ".join(f"c{i}: " + page.format(n=MAX_PAGE) for i in range(40))
    (refused,) = ask(server, "{ " + many + " }", "werkgever").json()["errors"]
    assert refused["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    one = ask(server, "{ " + page.format(n=MAX_PAGE) + " }", "werkgever").json()
    assert "errors" not in one


LIMITS = Limits(max_depth=16, max_aliases=40, max_cost=100_000, list_size=10, max_page=MAX_PAGE)
SCHEMA = build_schema(GatewaySettings())._schema


def test_the_measure_expands_fragments_exactly():
    # me { rol } is 2 fields; each level doubles; the operation adds nothing of its own.
    assert measure(SCHEMA, parse(fragment_bomb(60)), LIMITS) == Measure(2**60, 2, 0)


def test_the_measure_counts_a_connection_at_its_page_and_variables_at_their_value():
    query = parse("query($n: Int!) { caseload(first: $n) { edges { node { id } } } }")
    # caseload + edges + n * (node + id)
    assert measure(SCHEMA, query, LIMITS, {"n": 7}).cost == 2 + 7 * 2
    assert measure(SCHEMA, query, LIMITS, {}).cost == 2 + MAX_PAGE * 2  # not given: the largest


def test_cyclic_and_unknown_fragments_end_the_measure_and_are_left_to_validation():
    cyclic = parse("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A me { rol } }")
    assert measure(SCHEMA, cyclic, LIMITS).cost == 2
    assert measure(SCHEMA, parse("{ ...Missing }"), LIMITS) == Measure()
