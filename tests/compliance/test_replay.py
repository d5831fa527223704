"""Replay by valid time (as_of) and by recorded time (known_at), for several roles.

Each row reads one scenario one way; every row runs for the werkgever, the bedrijfsarts, the
werknemer and the employer's compliance team, who all see the administrative facts alike.
"""

import pytest

from compliance.replay import ReplayRefused, replay
from events import Actor, Rol
from tests.compliance.conftest import CANARY, ROLES, dag, om

# (scenario, as_of, known_at, expected state and calendar rows)
TABLE = [
    # A backdated herstelmelding: herstel on day 100, recorded on day 105.
    ("herstel", dag(102), None, {"status": "hersteld", "hersteld_op": dag(100)}),
    ("herstel", None, om(102), {"status": "open", "hersteld_op": None}),
    ("herstel", dag(99), None, {"status": "open", "hersteld_op": None}),
    ("herstel", None, om(105), {"status": "hersteld", "hersteld_op": dag(100)}),
    # A correction: 50% from day 20, recorded on day 30 after the 80% of day 14.
    ("correctie", dag(25), None, {"verzuimpercentage": 50}),
    ("correctie", None, om(25), {"verzuimpercentage": 80}),
    ("correctie", dag(16), None, {"verzuimpercentage": 80}),
    ("correctie", dag(25), om(25), {"verzuimpercentage": 80}),
    ("correctie", None, om(13), {"verzuimpercentage": 100}),
    # A late plan van aanpak: agreed on day 52 (due day 55), recorded on day 70; bijstelling day 80.
    ("plan", dag(56), None, {"plan_van_aanpak_op": dag(52), "plan_van_aanpak": "op_tijd"}),
    ("plan", None, om(60), {"plan_van_aanpak_op": None, "plan_van_aanpak": "verlopen"}),
    ("plan", None, om(70), {"plan_van_aanpak_op": dag(52), "plan_van_aanpak": "op_tijd"}),
    ("plan", dag(70), None, {"bijstellingen": 0}),
    ("plan", dag(90), None, {"bijstellingen": 1}),
    ("plan", None, om(79), {"bijstellingen": 0}),
]


def _ids(row):
    scenario, as_of, known_at, _ = row
    return f"{scenario}-asof={as_of}-knownat={known_at.date() if known_at else None}"


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("name", "as_of", "known_at", "expected"), TABLE, ids=map(_ids, TABLE))
def test_as_of_and_known_at(scenario, role, name, as_of, known_at, expected):
    r = replay(scenario.platform, scenario.dossier_id, ROLES[role], as_of, known_at)
    stand = r.stand
    rows = {v.code: v.status.value for v in r.kalender}
    for key, value in expected.items():
        actual = rows[key] if key == "plan_van_aanpak" else getattr(stand, key)
        assert actual == value, f"{name} {key} as {role}"
    # Nothing outside the cut is in view.
    for entry in r.view.entries:
        assert as_of is None or entry.geldig_op <= as_of
        assert known_at is None or entry.recorded_at <= known_at


@pytest.mark.parametrize(
    ("role", "medical"),
    [("werkgever", False), ("compliance", False), ("bedrijfsarts", True), ("werknemer", True)],
)
def test_medical_content_only_for_medical_roles(scenario, role, medical):
    r = replay(scenario.platform, scenario.dossier_id, ROLES[role])
    assert ("medisch" in r.view.decision.classificaties) is medical
    texts = [str(e.data) for e in r.visible]
    assert any(CANARY in t for t in texts) is medical
    assert all(e.classificatie != "medisch" for e in r.visible) is not medical
    assert all(v.classificatie.value != "medisch" for v in r.kalender) is not medical
    # Known before the probleemanalyse was recorded, not even the bedrijfsarts has it.
    early = replay(scenario.platform, scenario.dossier_id, ROLES[role], known_at=om(9))
    assert not any(CANARY in str(e.data) for e in early.visible)


def test_the_replay_is_logged_as_a_read(scenario):
    before = len(scenario.platform.policy.access_log(scenario.dossier_id))
    replay(scenario.platform, scenario.dossier_id, ROLES["compliance"], as_of=dag(30))
    log = scenario.platform.policy.access_log(scenario.dossier_id)
    assert len(log) == before + 1
    assert log[-1].principal["persoon_id"] == "co-1" and log[-1].actie == "inzage"


@pytest.mark.parametrize(
    "outsider",
    [
        Actor(rol=Rol.COMPLIANCE, persoon_id="co-9", organisatie="elders"),
        Actor(rol=Rol.WERKNEMER, persoon_id="wn-9", organisatie="acme"),
    ],
)
def test_outsiders_are_refused(scenario, outsider):
    with pytest.raises(ReplayRefused):
        replay(scenario.platform, scenario.dossier_id, outsider)


def test_known_at_needs_a_timezone(scenario):
    with pytest.raises(ValueError, match="timezone"):
        replay(
            scenario.platform,
            scenario.dossier_id,
            ROLES["werkgever"],
            known_at=om(5).replace(tzinfo=None),
        )
