"""The caseload: a cheap prefilter on relation facts, then the policy's read decision for each
candidate. The prefilter may only leave out dossiers where no relation is possible."""

import itertools
from datetime import date

import pytest

from events import Actor, Rol
from gateway.service import Gateway
from policies.context import READ, policy_input
from readmodel.index import DossierIndex
from readmodel.relations import dossier_facts
from tests.gateway.support import token
from wvp.runtime import running
from wvp.scenario import canonical_case
from wvp.simulate import simulate

ANDERE_BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="arbo-noord.ba9", organisatie="arbo-noord")


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    """A simulated employer plus a complete case at a second employer and arbodienst; one
    dossier of the first employer then moves to another bedrijfsarts."""
    data = tmp_path_factory.mktemp("caseload")
    with running({"WVP_DATA_DIR": str(data), "WVP_DATABASE_URL": ""}) as platform:
        tweede = canonical_case(date(2024, 1, 8), "t-wg-b", "t-wn-b", "arbo-noord")
        simulate(platform, 8, 500, 11, start=date(2024, 1, 1), prefix="t", extra=[tweede])
        gw = Gateway(platform)
        overgedragen = next(
            r for r in gw.index.refresh().ordered() if r.werkgever_id != "t-wg-b" and r.is_open
        )
        hr = Actor(rol=Rol.WERKGEVER, persoon_id="hr", organisatie=overgedragen.werkgever_id)
        fields = {"geldig_op": "2025-06-01", **ANDERE_BA.model_dump(exclude={"rol"})}
        platform.execute("wijs_bedrijfsarts_toe", hr, overgedragen.dossier_id, fields)
        delegatie = {
            "geldig_op": "2025-06-02",
            "delegatie_id": "del-ba9",
            "gedelegeerde_id": "arbo-noord.cmtd9",
            "taken": ["triage"],
            "dossiers": [overgedragen.dossier_id],
            "tot": "2027-12-31",
        }
        platform.execute("verleen_taakdelegatie", ANDERE_BA, None, delegatie)
        gw.overgedragen = overgedragen.dossier_id
        yield gw
        gw.close()


def _principals(platform, facts: list[dict], delegaties: list[dict]) -> set[Actor]:
    """Every actor that recorded anything, and every role for every id a relation fact or a
    delegation names."""
    actors = {
        (e.actor["rol"], e.actor["persoon_id"], e.actor["organisatie"])
        for f in facts
        for _, e in platform.history(f["id"])
    }
    ids = set()
    for f in facts:
        ids |= {f["werknemer_id"], f["werkgever_id"], f["casemanager"], *f["casemanagers"]}
        ids |= {*f["verwezen_providers"], *f["geaccepteerde_providers"], *f["verzekeraars"]}
        for party in (f["bedrijfsarts"], f["arbeidsdeskundige"]):
            if party:
                ids |= {party["persoon_id"], party["organisatie"]}
    ids |= {d[k] for d in delegaties for k in ("bedrijfsarts_id", "gedelegeerde_id")}
    ids.discard(None)
    roles = [r for r in Rol if r is not Rol.SYSTEEM]
    named = {(r.value, i, i) for r, i in itertools.product(roles, ids)}  # person and org alike
    every_role = {(r.value, p, o) for r in roles for _, p, o in actors}
    return {
        Actor(rol=r, persoon_id=p, organisatie=o)
        for r, p, o in actors | named | every_role
        if r != "systeem"
    }


def test_the_prefilter_never_leaves_out_a_dossier_the_policy_would_show(gateway):
    """For every principal the data can name, the policy decides every dossier (not logged),
    and each dossier it lets the principal read is among the prefilter's candidates."""
    platform, index = gateway.platform, gateway.index.refresh()
    facts = [dossier_facts(i, platform.history(i)) for i in index.dossiers]
    delegaties = index.delegations.all()
    engine = platform.policy.engine
    principals = _principals(platform, facts, delegaties)
    assert len(principals) > 100 and {p.rol for p in principals} == set(Rol) - {Rol.SYSTEEM}
    shown = left_out = 0
    for principal in principals:
        candidates = {r.dossier_id for r in index.candidates(principal)}
        for f in facts:
            if engine.decide(policy_input(principal, READ, f, delegaties)).allowed:
                assert f["id"] in candidates, (principal, f["id"])
                shown += 1
            elif f["id"] not in candidates:
                left_out += 1
    # the check covers many allowed reads, and the prefilter does leave most refusals out
    assert shown > 50 and left_out > 10 * shown


def test_a_caseload_is_exactly_what_the_policy_allows(gateway):
    ba = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="arbo-noord.ba1", organisatie="arbo-noord")
    mine = [r.dossier_id for r, d in gateway.caseload(ba)]
    candidates = [r.dossier_id for r in gateway.index.candidates(ba)]
    assert mine == candidates  # its own patients, most recent first
    old = gateway.platform.policy.access_log(gateway.overgedragen)[-1]
    # The bedrijfsarts who handed a dossier over keeps a relation fact, not the relation.
    vorige = next(
        e.data
        for _, e in gateway.platform.history(gateway.overgedragen)
        if type(e).__name__ == "BedrijfsartsToegewezen"
    )
    former = Actor(
        rol=Rol.BEDRIJFSARTS, persoon_id=vorige["persoon_id"], organisatie=vorige["organisatie"]
    )
    assert gateway.overgedragen in {r.dossier_id for r in gateway.index.candidates(former)}
    assert gateway.overgedragen not in {r.dossier_id for r, _ in gateway.caseload(former)}
    refused = gateway.platform.policy.access_log(gateway.overgedragen)[-1]
    assert refused != old and refused.principal["persoon_id"] == former.persoon_id
    assert not refused.toegestaan  # the policy was asked, and said no
    assert gateway.overgedragen in [r.dossier_id for r, _ in gateway.caseload(ANDERE_BA)]


def test_a_prefilter_bug_cannot_grant_access(gateway, monkeypatch):
    """Even a prefilter that names every dossier only costs decisions: the policy still cuts."""
    werkgever = Actor(rol=Rol.WERKGEVER, persoon_id="hr", organisatie="t-wg-b")
    honest = [r.dossier_id for r, _ in gateway.caseload(werkgever)]
    monkeypatch.setattr(DossierIndex, "candidates", lambda self, actor: self.refresh().ordered())
    everything = gateway.caseload(werkgever)
    assert [r.dossier_id for r, _ in everything] == honest
    assert {r.werkgever_id for r, _ in everything} == {"t-wg-b"}
    elsewhere = next(i for i, r in gateway.index.dossiers.items() if r.werkgever_id != "t-wg-b")
    refused = gateway.platform.policy.access_log(elsewhere)[-1]
    assert refused.principal["organisatie"] == "t-wg-b" and not refused.toegestaan


CASELOAD = "{ caseload(first: 50) { totalCount edges { node { id werkgeverId } } } }"
LOG = "query($d: ID!) { dossier(id: $d) { toegangslog(alleenToegestaan: false) { organisatie } } }"


def test_a_caseload_query_leaves_no_trace_in_other_employers_dossiers(server, reference):
    elders = f"Bearer {token('werkgever', subject='hr7', org='elders')}"
    answer = server.post(
        'mutation { registreerZiekmelding(input: { geldigOp: "2026-02-02", werknemerId: "wn7", '
        'werkgeverId: "elders" }) { dossierId } }',
        bearer=elders,
    ).json()
    other = answer["data"]["registreerZiekmelding"]["dossierId"]

    caseload = server.ok(CASELOAD, "werkgever")["caseload"]
    assert {e["node"]["werkgeverId"] for e in caseload["edges"]} == {"acme"}
    assert reference.dossier_id in {e["node"]["id"] for e in caseload["edges"]}

    werknemer = f"Bearer {token('werknemer', subject='wn7', org='elders')}"
    log = server.post(LOG, variables={"d": other}, bearer=werknemer).json()
    assert "errors" not in log, log
    # only the employee's own reading: acme's caseload query never asked about this dossier
    assert {t["organisatie"] for t in log["data"]["dossier"]["toegangslog"]} == {"elders"}


def test_a_filter_on_what_the_caller_may_not_see_reveals_nothing(gateway):
    """UWV may not see whether an employee recovered; filtering on it must not tell."""
    uwv = Actor(rol=Rol.UWV, persoon_id="uwv-beoordelaar", organisatie="uwv")
    alles = gateway.caseload(uwv)
    assert alles, "the simulated population has dossiers UWV knows through the 42-weken melding"
    verloop = frozenset({("werkgever", "HerstelmeldingGeregistreerd")})
    for status in (True, False):
        gefilterd = gateway.caseload(uwv, lambda r, s=status: r.is_open == s, verloop)
        assert gefilterd == []
    # The same filter still works for a party that does see the verloop.
    hr = Actor(rol=Rol.WERKGEVER, persoon_id="hr", organisatie="t-wg-b")
    eigen = {r.dossier_id for r, _ in gateway.caseload(hr)}
    open_ = {r.dossier_id for r, _ in gateway.caseload(hr, lambda r: r.is_open, verloop)}
    hersteld = {r.dossier_id for r, _ in gateway.caseload(hr, lambda r: not r.is_open, verloop)}
    assert open_ and open_ | hersteld == eigen and not open_ & hersteld
