"""Every role x relation x command (and a read) over the dossier states that change relations.

Each principal is enumerated over the states that matter to it: whether a bedrijfsarts is
assigned, who the casemanager werkgeversregie is (including the CMTD person, for rolvermenging),
the CMTD's delegation in every shape (active for the dossier or caseload, expired, revoked, not
yet started, for another dossier, from another bedrijfsarts, limited tasks, naming a
non-delegable task), whether the person ever acted as CMTD, and the 42-weken melding. A CMTD's
commands come undated, dated inside the delegation and dated before it began.
"""

from collections.abc import Iterator
from typing import Any

from services.catalog import COMMANDS

TODAY = "2026-03-01"
DOSSIER = "d1"
ALL_TASKS = [
    "triage",
    "informatie_vastleggen",
    "medische_informatie_opvragen",
    "werknemer_oproepen",
    "oordeel_rapporteren",
    "maandelijkse_monitoring",
    "preventie",
]


def _delegation(**change: Any) -> dict[str, Any]:
    return {
        "delegatie_id": "del1",
        "bedrijfsarts_id": "ba1",
        "gedelegeerde_id": "cm1",
        "taken": ALL_TASKS,
        "dossiers": [DOSSIER],
        "van": "2026-01-01",
        "tot": "2026-12-31",
        "ingetrokken_op": None,
        **change,
    }


# name -> (delegation or None, whether it should make cm1 a CMTD here, given ba1 is assigned)
DELEGATIONS: dict[str, tuple[dict | None, bool]] = {
    "geen": (None, False),
    "actief": (_delegation(), True),
    "caseload": (_delegation(dossiers=None), True),
    "alleen_triage": (_delegation(taken=["triage"]), True),
    "met_oordeel": (_delegation(taken=["oordeel", "rie_toetsing", "triage"]), True),
    "verlopen": (_delegation(tot="2026-02-28"), False),
    "ingetrokken": (_delegation(ingetrokken_op="2026-02-01"), False),
    "nog_niet": (_delegation(van="2026-03-02"), False),
    "ander_dossier": (_delegation(dossiers=["d2"]), False),
    "andere_bedrijfsarts": (_delegation(bedrijfsarts_id="ba2"), False),
}


def _principal(rol: str, persoon: str, organisatie: str) -> dict[str, str]:
    return {"rol": rol, "persoon_id": persoon, "organisatie": organisatie}


# (principal, whether it holds its role's relation in a dossier where every party is present)
PRINCIPALS = [
    _principal("werknemer", "wn1", "acme"),
    _principal("werknemer", "wn2", "acme"),
    _principal("werkgever", "hr1", "acme"),
    _principal("werkgever", "hr9", "anders"),
    _principal("casemanager", "cw1", "acme"),
    _principal("casemanager", "cw2", "acme"),
    _principal("casemanager", "cm1", "arbo"),
    _principal("bedrijfsarts", "ba1", "arbo"),
    _principal("bedrijfsarts", "ba2", "arbo"),
    _principal("cmtd", "cm1", "arbo"),
    _principal("cmtd", "cw1", "acme"),
    _principal("arbeidsdeskundige", "ad1", "adbureau"),
    _principal("arbeidsdeskundige", "ad2", "adbureau"),
    _principal("provider", "p1", "psy1"),
    _principal("provider", "f1", "fysio1"),
    _principal("provider", "x1", "elders"),
    _principal("uwv", "u1", "uwv"),
    _principal("verzekeraar", "v1", "verz1"),
    _principal("verzekeraar", "v2", "verz2"),
    _principal("compliance", "c1", "acme"),
    _principal("compliance", "c2", "arbo"),
    _principal("compliance", "c3", "adbureau"),
    _principal("compliance", "c4", "psy1"),
    _principal("compliance", "c5", "verz1"),
    _principal("compliance", "c6", "elders"),
]

# The act dates a CMTD's commands carry: none, inside the delegation, before it began.
HANDELINGSDAGEN = (None, "2026-02-15", "2025-12-20")

ACTIONS = [{"kind": "read"}] + [{"kind": "command", "command": name} for name in sorted(COMMANDS)]


def _fields(command: str) -> dict[str, Any]:
    """The ids a rule looks at, aimed at the interesting persons of the dossier."""
    return {
        "registreer_ziekmelding": {"werkgever_id": "acme"},
        "stel_casemanager_aan": {"persoon_id": "cm1"},
        "verleen_taakdelegatie": {"gedelegeerde_id": "cw1", "dossiers": [DOSSIER]},
        "trek_taakdelegatie_in": {"delegatie_id": "del1"},
        "registreer_provider": {"provider_id": "psy1"},
        "accepteer_verwijzing": {"verwijzing_id": "v2", "provider_id": "fysio1"},
        "start_interventie": {"verwijzing_id": "v1"},
        "dien_factuur_in": {"verwijzing_id": "v1"},
    }.get(command, {})


def dossier(bedrijfsarts: bool, casemanager: str, melding: bool, cmtd_actor: bool) -> dict:
    return {
        "id": DOSSIER,
        "werknemer_id": "wn1",
        "werkgever_id": "acme",
        "bedrijfsarts": {"persoon_id": "ba1", "organisatie": "arbo"} if bedrijfsarts else None,
        "casemanager": casemanager,
        "casemanagers": [casemanager],
        "arbeidsdeskundige": {"persoon_id": "ad1", "organisatie": "adbureau"},
        "verwezen_providers": ["psy1", "fysio1"],
        "geaccepteerde_providers": ["psy1"],
        "verwijzingen": {"v1": "psy1", "v2": "fysio1"},
        "verzekeraars": ["verz1"],
        "melding_42_weken": melding,
        "cmtd_actoren": ["cm1"] if cmtd_actor else [],
    }


def _state(ba=True, cm="cw1", melding=False, cmtd_actor=False, delegatie="actief") -> dict:
    return {
        "bedrijfsarts": ba,
        "casemanager": cm,
        "melding_42_weken": melding,
        "cmtd_actor": cmtd_actor,
        "delegatie": delegatie,
    }


# The CMTD persons meet every delegation shape; everyone else the states that can concern them.
CMTD_STATES = (
    [
        _state(True, cm, False, False, delegatie)
        for cm in ("cw1", "cm1")
        for delegatie in DELEGATIONS
    ]
    + [_state(False, delegatie="actief"), _state(False, delegatie="caseload")]
    + [_state(cmtd_actor=True, delegatie=d) for d in ("geen", "verlopen")]
)
BASE_STATES = [
    _state(),
    _state(ba=False),
    _state(cm="cm1"),
    _state(delegatie="geen", cmtd_actor=True),
]
UWV_STATES = BASE_STATES + [{**state, "melding_42_weken": True} for state in BASE_STATES]


def states_for(principal: dict[str, str]) -> list[dict[str, Any]]:
    if principal["rol"] == "cmtd":
        return CMTD_STATES
    return UWV_STATES if principal["rol"] == "uwv" else BASE_STATES


def facts(state: dict[str, Any]) -> dict[str, Any]:
    granted = DELEGATIONS[state["delegatie"]][0]
    known = dossier(
        state["bedrijfsarts"], state["casemanager"], state["melding_42_weken"], state["cmtd_actor"]
    )
    return {"dossier": known, "delegaties": [granted] if granted else []}


def _dated(principal: dict[str, str], actions: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for action in actions:
        if action["kind"] != "command":
            yield action
            continue
        dagen = HANDELINGSDAGEN if principal["rol"] == "cmtd" else (None,)
        for dag in dagen:
            fields = _fields(action["command"])
            yield {**action, "fields": fields if dag is None else {**fields, "geldig_op": dag}}


def cases() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(state description, policy input) for every principal, state and action."""
    for principal in PRINCIPALS:
        for state in states_for(principal):
            known = facts(state)
            for action in _dated(principal, ACTIONS):
                no_dossier = action.get("command") in (
                    "registreer_ziekmelding",
                    "verleen_taakdelegatie",
                    "trek_taakdelegatie_in",
                    "registreer_provider",
                )
                betrokken = [{"id": DOSSIER, "casemanagers": known["dossier"]["casemanagers"]}]
                yield (
                    state,
                    {
                        "principal": principal,
                        "action": action,
                        "dossier": None if no_dossier else known["dossier"],
                        "delegaties": known["delegaties"],
                        "betrokken_dossiers": betrokken
                        if action.get("command") == "verleen_taakdelegatie"
                        else [],
                        "today": TODAY,
                    },
                )
