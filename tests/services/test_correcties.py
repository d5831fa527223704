"""Corrections: a wrong first sick day, a wrong herstel date and a ziekmelding made by mistake
are corrected by facts that say what they correct and why. Nothing is deleted, the calendar
re-bases, and a replay known before the correction still shows the old state."""

from datetime import UTC, date, datetime, timedelta

import pytest

from compliance.replay import replay
from events import Actor, Rol
from poortwachter import feiten_uit_historie, kalender
from services.shared.errors import DomainRuleViolated
from tests.services.helpers import WERKGEVER, dag, meld_ziek, refused, types_of, vastgelegd_op

WERKNEMER = Actor(rol=Rol.WERKNEMER, persoon_id="wn-1", organisatie="acme")
PEILDATUM = date(2026, 12, 1)


@pytest.fixture
def platform_options() -> dict:
    """Policy on: the corrections are the employer's, and the replay is the employee's read."""
    return {}


def rij(platform, dossier_id: str, code: str):
    feiten = feiten_uit_historie(platform.history(dossier_id))
    return next(v for v in kalender(feiten, PEILDATUM) if v.code == code), feiten


def test_a_corrected_first_sick_day_moves_every_deadline_and_keeps_the_old_fact(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    melding_voor, _ = rij(platform, dossier, "melding_42_weken")
    with vastgelegd_op(20):
        gecorrigeerd = platform.execute(
            "corrigeer_eerste_ziektedag",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(-7), "reden": "ziek gemeld een week na de eerste ziektedag"},
        )
    (feit,) = gecorrigeerd.events
    assert feit.data["vorige_eerste_ziektedag"] == dag(0)
    assert types_of(platform, dossier, "werkgever") == [
        "ZiekmeldingGeregistreerd",
        "EersteZiektedagGecorrigeerd",
    ]
    melding_na, feiten = rij(platform, dossier, "melding_42_weken")
    assert feiten.eerste_ziektedag == date.fromisoformat(dag(-7))
    assert melding_na.uiterlijk < melding_voor.uiterlijk
    # Known before the correction, the dossier still starts on the old day.
    voor = datetime.combine(date.fromisoformat(dag(10)), datetime.min.time(), tzinfo=UTC)
    assert replay(platform, dossier, WERKNEMER, known_at=voor).stand.eerste_ziektedag == (
        date.fromisoformat(dag(0))
    )


def test_a_first_sick_day_is_not_corrected_past_its_herstel(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(12):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(10)})
        with refused(platform, DomainRuleViolated, "ligt niet voor het herstel"):
            platform.execute(
                "corrigeer_eerste_ziektedag",
                WERKGEVER,
                dossier,
                {"geldig_op": dag(11), "reden": "verkeerd"},
            )


def test_a_corrected_herstel_that_opens_four_weeks_splits_the_period(platform):
    """Ill on day 0, back on day 30, ill again on day 44 (samentelling). The herstel was in fact
    on day 10: 34 days before the relapse, so that relapse starts a period of its own and the
    calendar counts from it."""
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(30):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(30)})
    with vastgelegd_op(44):
        assert meld_ziek(platform, op=dag(44)).dossier_id == dossier
    _, samen = rij(platform, dossier, "probleemanalyse")
    assert samen.eerste_ziektedag == date.fromisoformat(dag(0))
    with vastgelegd_op(50):
        platform.execute(
            "corrigeer_herstel",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(10), "reden": "werkte al vanaf dag 10 weer"},
        )
    probleemanalyse, gesplitst = rij(platform, dossier, "probleemanalyse")
    assert gesplitst.periodes == ((date.fromisoformat(dag(44)), None),)
    assert probleemanalyse.uiterlijk == date.fromisoformat(dag(44)) + timedelta(weeks=6, days=-1)


def test_a_herstel_is_not_corrected_past_the_next_spell(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(30):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(30)})
    with vastgelegd_op(44):
        meld_ziek(platform, op=dag(44))
        with refused(platform, DomainRuleViolated, "ligt na de volgende ziekmelding"):
            platform.execute(
                "corrigeer_herstel", WERKGEVER, dossier, {"geldig_op": dag(45), "reden": "x"}
            )


def test_a_withdrawn_ziekmelding_makes_nothing_due_and_frees_the_employee(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(2):
        platform.execute(
            "trek_ziekmelding_in",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(2), "reden": "verkeerde werknemer ziek gemeld"},
        )
    feiten = feiten_uit_historie(platform.history(dossier))
    assert {v.status.value for v in kalender(feiten, PEILDATUM)} == {"niet_van_toepassing"}
    with vastgelegd_op(3):
        with pytest.raises(DomainRuleViolated, match="ingetrokken per"):
            platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(3)})
        # The employee was never ill under this dossier: a new ziekmelding opens a new one.
        assert meld_ziek(platform, op=dag(3)).dossier_id != dossier
    assert types_of(platform, dossier, "werkgever") == [
        "ZiekmeldingGeregistreerd",
        "ZiekmeldingIngetrokken",
    ]


def test_a_correction_never_makes_two_dossiers_one_period_unnoticed(platform):
    """Ill from day 0 to 30, again from day 70: two dossiers. A correction that would bring them
    within four weeks of each other is a samentelling the ziekmelding should have been: refused,
    saying how to record it instead (withdraw and report again)."""
    with vastgelegd_op(0):
        eerste = meld_ziek(platform).dossier_id
    with vastgelegd_op(30):
        platform.execute("registreer_herstel", WERKGEVER, eerste, {"geldig_op": dag(30)})
    with vastgelegd_op(70):
        tweede = meld_ziek(platform, op=dag(70)).dossier_id
    assert tweede != eerste
    with vastgelegd_op(75):
        with refused(
            platform, DomainRuleViolated, "dat is samentelling", "trek deze ziekmelding in"
        ):
            platform.execute(
                "corrigeer_eerste_ziektedag",
                WERKGEVER,
                tweede,
                {"geldig_op": dag(50), "reden": "eerder ziek"},
            )
        with refused(
            platform, DomainRuleViolated, "dat is samentelling", "trek die ziekmelding in"
        ):
            platform.execute(
                "corrigeer_herstel", WERKGEVER, eerste, {"geldig_op": dag(50), "reden": "later"}
            )
        # A correction that keeps them four weeks apart is recorded.
        platform.execute(
            "corrigeer_eerste_ziektedag",
            WERKGEVER,
            tweede,
            {"geldig_op": dag(60), "reden": "eerder ziek"},
        )
        # The way the refusal points to: withdraw, report again, and it joins the first dossier.
        platform.execute(
            "trek_ziekmelding_in",
            WERKGEVER,
            tweede,
            {"geldig_op": dag(75), "reden": "samentelling"},
        )
        assert meld_ziek(platform, op=dag(50)).dossier_id == eerste
