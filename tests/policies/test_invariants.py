"""The invariants of domain.md §2-§4, checked on every role x relation x command x state."""

import json

from policies.engine import BUNDLE_DIR
from services.bedrijfsarts.application import ProbleemanalyseInvoer
from services.catalog import COMMANDS
from services.providerboog.application import FactuurInvoer
from tests.policies.enumeration import DELEGATIONS

MATRIX = json.loads((BUNDLE_DIR / "data.json").read_text())["rollenmatrix"]
MEDISCH_BEVOEGD = {"werknemer", "bedrijfsarts", "cmtd"}
OORDELEN = {
    "geef_triage_oordeel",
    "lever_probleemanalyse_op",
    "stel_belastbaarheid_vast",
    "geef_actueel_oordeel",
    "geef_herstelprognose",
}


def _command(input):
    return input["action"].get("command")


def test_the_enumeration_is_large_and_mixed(enumerated):
    assert len(enumerated) > 5000
    outcomes = {decision.allowed for _, _, decision in enumerated}
    assert outcomes == {True, False}


def test_only_bedrijfsarts_cmtd_and_employee_see_medisch(enumerated):
    seen = set()
    for _, input, decision in enumerated:
        if "medisch" in decision.classificaties:
            assert input["principal"]["rol"] in MEDISCH_BEVOEGD, input
            assert decision.relaties & MEDISCH_BEVOEGD, input
            seen.add(input["principal"]["rol"])
    assert seen == MEDISCH_BEVOEGD  # each of them does see it somewhere


def test_only_the_employee_and_its_bedrijfsarts_read_the_whole_access_log(enumerated):
    readers, own_organisation = set(), set()
    for _, input, decision in enumerated:
        if decision.toegangslog == "alles":
            # the log names every party that asked (a psycholoog too): health data itself
            assert "medisch" in decision.classificaties, input
            assert decision.relaties & {"werknemer", "bedrijfsarts"}, input
            readers.add(input["principal"]["rol"])
        elif decision.toegangslog == "eigen_organisatie":
            assert decision.relaties == {"compliance"}, input
            own_organisation.add(input["principal"]["rol"])
        else:
            assert decision.toegangslog is None, input
    assert readers == {"werknemer", "bedrijfsarts"}
    assert own_organisation == {"compliance"}


def test_only_the_assigned_bedrijfsarts_judges(enumerated):
    judged = 0
    for _, input, decision in enumerated:
        if _command(input) in OORDELEN and decision.allowed:
            assert input["principal"]["persoon_id"] == "ba1"
            assert "bedrijfsarts" in decision.relaties
            judged += 1
    assert judged


def test_a_delegation_grants_only_while_active_for_this_dossier(enumerated):
    for state, input, decision in enumerated:
        if input["principal"]["rol"] != "cmtd" or input["dossier"] is None:
            continue
        active = DELEGATIONS[state["delegatie"]][1] and state["bedrijfsarts"]
        is_cmwg = state["casemanager"] == input["principal"]["persoon_id"]
        if input["principal"]["persoon_id"] != "cm1" or not active or is_cmwg:
            assert not decision.allowed, (state, input["action"])
            assert not decision.zicht and not decision.relaties
        else:
            assert decision.relaties == {"cmtd"}


def test_a_cmtd_issues_only_delegated_commands(enumerated):
    delegated = {
        command
        for command, _ in MATRIX["cmtd_taken"].items()
        if "cmtd" in MATRIX["commandos"][command]
    }
    issued = set()
    for state, input, decision in enumerated:
        if input["principal"]["rol"] == "cmtd" and decision.allowed and _command(input):
            issued.add(_command(input))
            tasks = DELEGATIONS[state["delegatie"]][0]["taken"]
            assert set(MATRIX["cmtd_taken"][_command(input)]) & set(tasks)
    assert issued == delegated


def test_a_cmtd_acts_only_on_days_its_delegation_covers(enumerated):
    """In force on the recording day is not enough: the act's own date must lie inside the
    delegation too, or a backdated act would borrow a later delegation."""
    dated = refused = 0
    for state, input, decision in enumerated:
        dag = input["action"].get("fields", {}).get("geldig_op")
        if input["principal"]["rol"] != "cmtd" or dag is None:
            continue
        delegation = DELEGATIONS[state["delegatie"]][0]
        if decision.allowed:
            dated += 1
            assert delegation["van"] <= dag <= delegation["tot"], (state, input["action"])
            assert delegation["ingetrokken_op"] is None or dag < delegation["ingetrokken_op"]
        elif (
            delegation
            and dag < delegation["van"]
            and "cmtd" in decision.relaties
            and set(MATRIX["cmtd_taken"].get(_command(input), ())) & set(delegation["taken"])
        ):
            refused += 1
            assert any("buiten taakdelegatie" in r for r in decision.reasons), decision.reasons
    assert dated and refused


def test_no_person_is_cmtd_and_casemanager_on_one_dossier(enumerated):
    roles: dict[tuple, set[str]] = {}
    for state, input, decision in enumerated:
        if input["dossier"] is None or input["action"]["kind"] != "read":
            continue
        key = (json.dumps(state, sort_keys=True), input["principal"]["persoon_id"])
        roles.setdefault(key, set()).update(decision.relaties & {"cmtd", "casemanager"})
    assert all(held != {"cmtd", "casemanager"} for held in roles.values())
    assert any("cmtd" in held for held in roles.values())


def test_a_past_or_present_cmtd_is_never_appointed_casemanager(enumerated):
    for state, input, decision in enumerated:
        if _command(input) == "stel_casemanager_aan" and decision.allowed:
            active = DELEGATIONS[state["delegatie"]][1] and state["bedrijfsarts"]
            assert not active and not state["cmtd_actor"], state


def test_uwv_sees_nothing_before_the_42_weken_melding(enumerated):
    after = 0
    for state, input, decision in enumerated:
        if input["principal"]["rol"] != "uwv" or input["dossier"] is None:
            continue
        if not state["melding_42_weken"]:
            assert not decision.allowed and not decision.zicht and not decision.relaties
        elif input["action"]["kind"] == "read":
            assert decision.classificaties == {"administratief"}
            after += 1
    assert after


def test_employer_and_casemanager_never_record_health_data(enumerated):
    for _, input, decision in enumerated:
        if input["principal"]["rol"] in ("werkgever", "casemanager") and decision.allowed:
            assert _command(input) not in MATRIX["medisch_vastleggend"], input["action"]


def test_every_decision_says_why(enumerated):
    assert all(decision.reasons for _, _, decision in enumerated)


def test_the_matrix_covers_every_command():
    assert set(MATRIX["commandos"]) | set(MATRIX["zonder_dossier"]) == set(COMMANDS)
    assert not set(MATRIX["commandos"]) & set(MATRIX["zonder_dossier"])
    assert set(MATRIX["cmtd_taken"]) <= set(MATRIX["commandos"])


def test_every_command_that_records_health_data_is_listed():
    medical = {
        name
        for name, service in COMMANDS.items()
        if getattr(service.commands[name].input, "classificatie", None) == "medisch"
        or service.commands[name].input in (ProbleemanalyseInvoer, FactuurInvoer)
    }
    assert medical == set(MATRIX["medisch_vastleggend"])
