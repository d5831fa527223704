"""The read path's caches and the decision log's group commit change nothing a caller sees.

Histories are kept per dossier, parsed and validated queries per query text, and read decisions
are logged by a writer that commits concurrent ones together. So: one role's answer is never
served to another, a new fact or a changed delegation shows on the very next read, a dossier's
history equals a fresh read of the stores even when another platform writes to them, and every
read is in the decision log by the time its answer is given.
"""

import asyncio
import json
import time
import uuid

import pytest

from events import Actor, Rol
from gateway.context import Context
from gateway.schema import build_schema
from gateway.service import Gateway
from readmodel.port import in_recorded_order
from wvp.runtime import Platform, running

WERKGEVER = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
BEDRIJFSARTS = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba1", organisatie="arbo")
CMTD = Actor(rol=Rol.CMTD, persoon_id="cmtd1", organisatie="arbo")
QUERY = """query($d: ID!) { dossier(id: $d) { id timeline { type payload }
  documenten { probleemanalyses { beperkingen } } kalender { code status } deelnemers { rol } } }"""


@pytest.fixture
def store(tmp_path):
    return {"WVP_DATA_DIR": str(tmp_path), "WVP_DATABASE_URL": ""}


@pytest.fixture
def dossier(store):
    """A gateway over a started platform, and a dossier whose medical fact holds a canary."""
    with running(store) as platform:
        opened = platform.execute(
            "registreer_ziekmelding",
            WERKGEVER,
            None,
            {"geldig_op": "2026-01-05", "werknemer_id": "wn1", "werkgever_id": "acme"},
        )
        dossier_id = opened.dossier_id
        toewijzing = {"geldig_op": "2026-01-05", "persoon_id": "ba1", "organisatie": "arbo"}
        platform.execute("wijs_bedrijfsarts_toe", WERKGEVER, dossier_id, toewijzing)
        canary = f"CANARY-{uuid.uuid4().hex}"
        analyse = {
            "geldig_op": "2026-02-10",
            "mogelijkheden": "licht werk",
            "beperkingen": "niet tillen",
            "advies": "opbouwen",
            "diagnose": canary,
        }
        platform.execute("lever_probleemanalyse_op", BEDRIJFSARTS, dossier_id, analyse)
        gateway = Gateway(platform)
        yield gateway, dossier_id, canary
        gateway.close()


def ask(gateway: Gateway, actor: Actor, dossier_id: str, query: str = QUERY) -> dict:
    """One query as `actor`, through the schema and the gateway as an HTTP request would go."""

    async def execute():
        return await build_schema().execute(
            query, variable_values={"d": dossier_id}, context_value=Context(gateway, actor=actor)
        )

    result = asyncio.run(execute())
    return {"data": result.data, "errors": [e.message for e in result.errors or ()]}


def test_one_roles_answer_is_never_served_to_another(dossier):
    gateway, dossier_id, canary = dossier
    for _ in range(2):  # the second round is served from warm caches
        assert canary in json.dumps(ask(gateway, BEDRIJFSARTS, dossier_id))
        werkgever = json.dumps(ask(gateway, WERKGEVER, dossier_id))
        assert canary not in werkgever
        assert "niet tillen" in werkgever  # the functional part does reach the employer


def test_a_new_fact_shows_on_the_next_read(dossier, store):
    gateway, dossier_id, _ = dossier

    def types() -> list[str]:
        return [
            e["type"] for e in ask(gateway, WERKGEVER, dossier_id)["data"]["dossier"]["timeline"]
        ]

    before = types()
    assert "CasemanagerAangesteld" not in before
    aanstelling = {"geldig_op": "2026-01-06", "persoon_id": "cm1", "naam": "C"}
    gateway.platform.execute("stel_casemanager_aan", WERKGEVER, dossier_id, aanstelling)
    assert types() == [*before, "CasemanagerAangesteld"]

    # Another process writing to the same stores: the cached history reads past its versions.
    other = Platform(store).start()
    try:
        wijziging = {"geldig_op": "2026-01-07", "verzuimpercentage": 50}
        other.execute("wijzig_verzuimpercentage", WERKGEVER, dossier_id, wijziging)
    finally:
        other.stop()
    assert types()[-1] == "VerzuimpercentageGewijzigd"


def test_a_revoked_delegation_takes_access_away_on_the_next_read(dossier):
    gateway, dossier_id, _ = dossier
    platform = gateway.platform
    assert ask(gateway, CMTD, dossier_id)["data"]["dossier"] is None  # no delegation yet
    delegatie = {
        "geldig_op": "2026-01-05",
        "delegatie_id": "del-1",
        "gedelegeerde_id": CMTD.persoon_id,
        "taken": ["triage"],
        "dossiers": [dossier_id],
        "tot": "2099-12-31",
    }
    platform.execute("verleen_taakdelegatie", BEDRIJFSARTS, None, delegatie)
    assert ask(gateway, CMTD, dossier_id)["data"]["dossier"]["id"] == dossier_id
    intrekking = {"geldig_op": "2026-01-06", "delegatie_id": "del-1"}
    platform.execute("trek_taakdelegatie_in", BEDRIJFSARTS, None, intrekking)
    refused = ask(gateway, CMTD, dossier_id)
    assert refused["data"]["dossier"] is None and refused["errors"]


def test_the_cached_history_equals_a_fresh_read_of_the_stores(dossier):
    gateway, dossier_id, _ = dossier
    platform = gateway.platform

    def fresh():
        return in_recorded_order(
            (app.name, e) for app in platform.services for e in app.history(dossier_id)
        )

    def ids(history):
        return [(service, e.originator_id, e.originator_version) for service, e in history]

    assert ids(platform.history(dossier_id)) == ids(fresh())
    platform.execute(
        "leg_voortgang_vast",
        WERKGEVER,
        dossier_id,
        {"geldig_op": "2026-03-01", "samenvatting": "x"},
    )
    assert ids(platform.history(dossier_id)) == ids(fresh())
    assert platform.history("geen-dossier") == []


def test_every_read_is_logged_before_its_answer_also_side_by_side(dossier, monkeypatch):
    gateway, dossier_id, _ = dossier
    log = gateway.platform.policy
    commit, commits = log.log._commit, []

    def slow_commit(batch):  # a slow disk: answers must wait for it, not overtake it
        time.sleep(0.2)
        commit(batch)
        commits.append(len(batch))

    monkeypatch.setattr(log.log, "_commit", slow_commit)
    readers = [Actor(rol=Rol.WERKGEVER, persoon_id=f"hr-{n}", organisatie="acme") for n in range(8)]
    before = len(log.access_log(dossier_id))
    schema = build_schema()

    async def read(actor: Actor) -> None:
        result = await schema.execute(
            QUERY, variable_values={"d": dossier_id}, context_value=Context(gateway, actor=actor)
        )
        assert not result.errors
        logged = {(t.principal["persoon_id"], t.actie) for t in log.access_log(dossier_id)}
        assert (actor.persoon_id, "inzage") in logged  # already there when the answer is

    async def all_at_once() -> None:
        await asyncio.gather(*(read(actor) for actor in readers))

    asyncio.run(all_at_once())
    assert len(log.access_log(dossier_id)) == before + len(readers)
    assert len(commits) < len(readers)  # readers waiting side by side shared commits


def test_no_answer_when_the_read_cannot_be_logged(dossier, monkeypatch):
    gateway, dossier_id, canary = dossier

    def broken_disk(batch):
        raise OSError("disk full")

    monkeypatch.setattr(gateway.platform.policy.log, "_commit", broken_disk)
    answer = ask(gateway, BEDRIJFSARTS, dossier_id)
    assert answer["data"]["dossier"] is None and answer["errors"]
    assert canary not in json.dumps(answer)
