"""Backdating further than the platform allows without a reason asks for one; the reason is
stored with the fact. Reactions and corrections need none of their own."""

from datetime import date

import pytest

from services.shared.config import TERUGDATEREN_ZONDER_REDEN, ConfigError, Settings
from services.shared.errors import DomainRuleViolated
from tests.services.helpers import (
    BEDRIJFSARTS,
    WERKGEVER,
    dag,
    meld_ziek,
    refused,
    types_of,
    vastgelegd_op,
)
from wvp.runtime import Platform


@pytest.fixture
def platform(store_env):
    """The platform with its own default: the test run switches the rule off elsewhere."""
    env = {**store_env, "WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN": str(TERUGDATEREN_ZONDER_REDEN)}
    started = Platform(env, policy=False).start()
    yield started
    started.stop()


def test_the_default_is_two_weeks_and_the_setting_is_checked():
    assert Settings.from_env({}).terugdateren_zonder_reden_dagen == 14 == TERUGDATEREN_ZONDER_REDEN
    assert (
        Settings.from_env(
            {"WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN": "0"}
        ).terugdateren_zonder_reden_dagen
        == 0
    )
    with pytest.raises(ConfigError, match="aantal dagen"):
        Settings.from_env({"WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN": "twee weken"})


def test_backdating_beyond_the_limit_needs_a_reason_which_is_stored(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(30):
        # 14 days back is allowed without a reason, 15 is not.
        with refused(platform, DomainRuleViolated, f"geldig op {dag(15)}", "15 dagen", dag(30)):
            platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(15)})
        platform.execute(
            "registreer_herstel",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(15), "reden_terugdatering": "herstelmelding lag bij de post"},
        )
    herstel = [e for s, e in platform.history(dossier) if type(e).__name__.startswith("Herstel")]
    assert herstel[0].data == {"reden_terugdatering": "herstelmelding lag bij de post"}
    assert herstel[0].geldig_op == date.fromisoformat(dag(15))


def test_within_the_limit_no_reason_is_asked_and_none_is_stored(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(24):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(10)})
    herstel = [e for s, e in platform.history(dossier) if type(e).__name__.startswith("Herstel")]
    assert herstel[0].data == {}


def test_a_correction_and_a_reaction_need_no_reason_of_their_own(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(60):
        # The correction names the corrected day, with its own reason.
        platform.execute(
            "corrigeer_eerste_ziektedag",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(-7), "reden": "een week eerder ziek thuis"},
        )
        platform.execute(
            "lever_probleemanalyse_op",
            BEDRIJFSARTS,
            dossier,
            {
                "geldig_op": dag(35),
                "mogelijkheden": "licht werk",
                "beperkingen": "tillen",
                "advies": "opbouwen",
                "diagnose": "rugklachten",
                "reden_terugdatering": "verslag pas nu getekend",
            },
        )
    # The employer's copy of the functional part follows the accepted fact without a reason.
    assert "ProbleemanalyseOntvangen" in types_of(platform, dossier, "werkgever")
