"""Enforcement on a real Platform: commands pass the policy before anything is recorded, reads
get one decision per request, and every decision lands in the decision log."""

from datetime import UTC, datetime

import pytest

from events import Actor, Rol
from policies.enforcement import Forbidden
from policies.engine import Bundle
from services.shared import clock
from services.shared.errors import CommandRejected
from wvp.runtime import Platform

WG = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
CW = Actor(rol=Rol.CASEMANAGER, persoon_id="cw1", organisatie="acme")
BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba1", organisatie="arbo")
CMTD = Actor(rol=Rol.CMTD, persoon_id="cm1", organisatie="arbo")
WN = Actor(rol=Rol.WERKNEMER, persoon_id="wn1", organisatie="acme")
OTHER_BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba2", organisatie="arbo")
UWV = Actor(rol=Rol.UWV, persoon_id="u1", organisatie="uwv")
VERSION = Bundle.load().version


@pytest.fixture(autouse=True)
def fixed_clock():
    with clock.frozen_at(datetime(2026, 1, 20, 9, tzinfo=UTC)):
        yield


def stored(platform) -> dict[str, int]:
    """How many events each service's store holds."""
    return {app.name: app.recorder.max_notification_id() or 0 for app in platform.services}


def open_dossier(platform) -> str:
    dossier_id = platform.execute(
        "registreer_ziekmelding",
        WG,
        None,
        {"geldig_op": "2026-01-05", "werknemer_id": "wn1", "werkgever_id": "acme"},
    ).dossier_id
    for command, fields in (
        ("stel_casemanager_aan", {"persoon_id": "cw1", "naam": "Casemanager"}),
        ("wijs_bedrijfsarts_toe", {"persoon_id": "ba1", "organisatie": "arbo"}),
    ):
        platform.execute(command, WG, dossier_id, {"geldig_op": "2026-01-05", **fields})
    return dossier_id


def delegate(platform, delegatie_id="del1", taken=("triage",), dossiers=None, tot="2026-06-30"):
    fields = {
        "geldig_op": "2026-01-01",
        "delegatie_id": delegatie_id,
        "gedelegeerde_id": "cm1",
        "taken": list(taken),
        "tot": tot,
    }
    if dossiers is not None:
        fields["dossiers"] = dossiers
    platform.execute("verleen_taakdelegatie", BA, None, fields)


TRIAGE = {"geldig_op": "2026-01-06", "aantekening": "belt terug"}


def test_denied_commands_record_nothing_in_any_store(platform):
    dossier_id = open_dossier(platform)
    before, history = stored(platform), len(platform.history(dossier_id))
    attempts = [
        (OTHER_BA, "geef_triage_oordeel", {"medische_oorzaak": False, "toelichting": "x"}, None),
        (CW, "leg_consult_vast", {"verslag": "x"}, None),
        (CMTD, "leg_triage_informatie_vast", {"aantekening": "x"}, None),
        (UWV, "registreer_riv_toets", {"voldoende": True, "motivering": "x"}, None),
        (WG, "registreer_ziekmelding", {"werknemer_id": "wn2", "werkgever_id": "anders"}, "none"),
    ]
    for actor, command, fields, no_dossier in attempts:
        target = None if no_dossier else dossier_id
        with pytest.raises(Forbidden) as refused:
            platform.execute(command, actor, target, {"geldig_op": "2026-01-10", **fields})
        assert refused.value.code == "FORBIDDEN" and refused.value.reasons
        assert isinstance(refused.value, CommandRejected)
    # The real bedrijfsarts is refused by the domain, not the policy: a different error.
    with pytest.raises(CommandRejected) as rejected:
        platform.execute(
            "trek_toestemming_in",
            BA,
            dossier_id,
            {"geldig_op": "2026-01-10", "toestemming_id": "t9"},
        )
    assert rejected.value.code == "DOMAIN_RULE"
    assert stored(platform) == before
    assert len(platform.history(dossier_id)) == history


def test_the_bedrijfsarts_acts_only_once_assigned(platform):
    dossier_id = platform.execute(
        "registreer_ziekmelding",
        CW.model_copy(update={"organisatie": "acme"}),
        None,
        {"geldig_op": "2026-01-05", "werknemer_id": "wn1", "werkgever_id": "acme"},
    ).dossier_id
    judgement = {"geldig_op": "2026-01-06", "medische_oorzaak": True, "toelichting": "x"}
    with pytest.raises(Forbidden, match="geen relatie"):
        platform.execute("geef_triage_oordeel", BA, dossier_id, judgement)
    platform.execute(
        "wijs_bedrijfsarts_toe",
        WG,
        dossier_id,
        {"geldig_op": "2026-01-05", "persoon_id": "ba1", "organisatie": "arbo"},
    )
    platform.execute("geef_triage_oordeel", BA, dossier_id, judgement)


def test_a_cmtd_acts_within_an_active_delegation_only(platform):
    dossier_id = open_dossier(platform)
    with pytest.raises(Forbidden):
        platform.execute("leg_triage_informatie_vast", CMTD, dossier_id, TRIAGE)
    delegate(platform, taken=("triage",))
    platform.execute("leg_triage_informatie_vast", CMTD, dossier_id, TRIAGE)
    with pytest.raises(Forbidden, match="dekt roep_werknemer_op niet"):
        platform.execute(
            "roep_werknemer_op",
            CMTD,
            dossier_id,
            {"geldig_op": "2026-01-06", "datum_consult": "2026-01-09"},
        )
    with pytest.raises(Forbidden, match="alleen de bedrijfsarts geeft een oordeel"):
        platform.execute(
            "geef_triage_oordeel",
            CMTD,
            dossier_id,
            {"geldig_op": "2026-01-06", "medische_oorzaak": True, "toelichting": "x"},
        )
    # Expired: the same delegation grants nothing once its period is over.
    with clock.frozen_at(datetime(2026, 7, 1, tzinfo=UTC)), pytest.raises(Forbidden):
        platform.execute("leg_triage_informatie_vast", CMTD, dossier_id, TRIAGE)
    # Revoked: nothing either.
    platform.execute(
        "trek_taakdelegatie_in", BA, None, {"geldig_op": "2026-01-15", "delegatie_id": "del1"}
    )
    with pytest.raises(Forbidden):
        platform.execute("leg_triage_informatie_vast", CMTD, dossier_id, TRIAGE)
    assert not platform.read_decision(CMTD, dossier_id).allowed


def test_a_backdated_act_cannot_borrow_a_later_delegation(platform):
    """In force when recorded is not enough: the act's own date must lie inside it too."""
    dossier_id = open_dossier(platform)
    with clock.frozen_at(datetime(2026, 1, 10, 9, tzinfo=UTC)):
        platform.execute(
            "verleen_taakdelegatie",
            BA,
            None,
            {
                "geldig_op": "2026-01-10",
                "delegatie_id": "del1",
                "gedelegeerde_id": "cm1",
                "taken": ["triage"],
                "tot": "2026-06-30",
            },
        )
    before = stored(platform)
    with pytest.raises(Forbidden, match="gedateerd op 2026-01-06, buiten taakdelegatie del1"):
        platform.execute("leg_triage_informatie_vast", CMTD, dossier_id, TRIAGE)
    assert stored(platform)["bedrijfsarts"] == before["bedrijfsarts"]
    platform.execute(
        "leg_triage_informatie_vast", CMTD, dossier_id, {**TRIAGE, "geldig_op": "2026-01-12"}
    )


def test_only_the_delegating_bedrijfsarts_revokes(platform):
    delegate(platform)
    with pytest.raises(Forbidden):
        platform.execute(
            "trek_taakdelegatie_in",
            OTHER_BA,
            None,
            {"geldig_op": "2026-01-15", "delegatie_id": "del1"},
        )


def test_rolvermenging_is_refused_in_either_order(platform):
    first = open_dossier(platform)
    delegate(platform, dossiers=None)  # the whole caseload of ba1
    platform.execute("leg_triage_informatie_vast", CMTD, first, TRIAGE)
    with pytest.raises(Forbidden, match="rolvermenging"):
        platform.execute(
            "stel_casemanager_aan",
            WG,
            first,
            {"geldig_op": "2026-01-10", "persoon_id": "cm1", "naam": "X"},
        )
    # The other order: cm1 is CM-WG on a second dossier first; the caseload delegation stops there.
    second = platform.execute(
        "registreer_ziekmelding",
        WG,
        None,
        {"geldig_op": "2026-01-05", "werknemer_id": "wn2", "werkgever_id": "acme"},
    ).dossier_id
    platform.execute(
        "stel_casemanager_aan",
        WG,
        second,
        {"geldig_op": "2026-01-05", "persoon_id": "cm1", "naam": "X"},
    )
    platform.execute(
        "wijs_bedrijfsarts_toe",
        WG,
        second,
        {"geldig_op": "2026-01-05", "persoon_id": "ba1", "organisatie": "arbo"},
    )
    with pytest.raises(Forbidden, match="rolvermenging"):
        platform.execute("leg_triage_informatie_vast", CMTD, second, TRIAGE)
    with pytest.raises(Forbidden, match="rolvermenging"):
        delegate(platform, delegatie_id="del2", dossiers=[second])
    assert "medisch" not in platform.read_decision(CMTD, second).classificaties


def test_reads_are_filtered_by_one_decision(platform):
    dossier_id = open_dossier(platform)
    platform.execute(
        "lever_probleemanalyse_op",
        BA,
        dossier_id,
        {
            "geldig_op": "2026-01-12",
            "mogelijkheden": "m",
            "beperkingen": "b",
            "advies": "a",
            "diagnose": "CANARY",
        },
    )
    history = platform.history(dossier_id)
    employer = platform.read_decision(WG, dossier_id)
    seen = employer.filter(history)
    assert employer.classificaties == {"administratief", "functioneel"}
    assert {event.classificatie for _, event in seen} <= {"administratief", "functioneel"}
    assert "ProbleemanalyseOntvangen" in {type(e).__name__ for _, e in seen}
    assert "MedischeProbleemanalyseVastgelegd" not in {type(e).__name__ for _, e in seen}
    employee = platform.read_decision(WN, dossier_id)
    assert employee.filter(history) == history
    stranger = platform.read_decision(WN.model_copy(update={"persoon_id": "wn2"}), dossier_id)
    assert not stranger.allowed and stranger.filter(history) == []


def test_the_decision_log_tells_the_employee_who_asked(platform):
    dossier_id = open_dossier(platform)
    with pytest.raises(Forbidden):
        platform.execute(
            "leg_consult_vast", CW, dossier_id, {"geldig_op": "2026-01-10", "verslag": "x"}
        )
    platform.read_decision(BA, dossier_id)
    log = platform.policy.access_log(dossier_id)
    assert [(e.principal["persoon_id"], e.actie, e.toegestaan) for e in log] == [
        ("hr1", "stel_casemanager_aan", True),
        ("hr1", "wijs_bedrijfsarts_toe", True),
        ("cw1", "leg_consult_vast", False),
        ("ba1", "inzage", True),
    ]
    assert all(e.beleidsversie == VERSION for e in log)
    assert all(e.tijdstip == datetime(2026, 1, 20, 9, tzinfo=UTC) for e in log)
    assert log[2].redenen and "gezondheidsgegevens" in " ".join(log[2].redenen)
    assert log[3].classificaties == ("administratief", "functioneel", "medisch")
    outside = platform.policy.access_log(None)
    assert [(e.actie, e.toegestaan) for e in outside] == [("registreer_ziekmelding", True)]


def test_the_decision_log_survives_a_restart(store_env):
    first = Platform(store_env).start()
    dossier_id = open_dossier(first)
    first.read_decision(WN, dossier_id)
    first.stop()
    first.policy.close()
    again = Platform(store_env).start()
    try:
        assert [e.actie for e in again.policy.access_log(dossier_id)][-1] == "inzage"
    finally:
        again.stop()
        again.policy.close()


def test_enforcement_can_be_turned_off(store_env):
    platform = Platform(store_env, policy=False).start()
    try:
        result = platform.execute(
            "registreer_ziekmelding",
            BA,
            None,
            {"geldig_op": "2026-01-05", "werknemer_id": "wn1", "werkgever_id": "acme"},
        )
        assert result.dossier_id
        with pytest.raises(RuntimeError):
            platform.read_decision(WN, result.dossier_id)
    finally:
        platform.stop()
