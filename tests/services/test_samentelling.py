"""Sick periods less than four weeks apart count as one: samentelling of a relapse."""

import pytest

from services.shared.errors import DomainRuleViolated
from tests.services.helpers import WERKGEVER, dag, events_of, meld_ziek, refused, types_of

HERSTEL = 30  # days after the first sick day


@pytest.fixture
def hersteld(platform) -> str:
    """A dossier whose employee recovered on day HERSTEL."""
    dossier = meld_ziek(platform).dossier_id
    platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(HERSTEL)})
    return dossier


@pytest.mark.parametrize("dagen_na_herstel", [0, 21, 27])
def test_a_relapse_within_four_weeks_continues_the_dossier(platform, hersteld, dagen_na_herstel):
    terugval = meld_ziek(platform, op=dag(HERSTEL + dagen_na_herstel))

    assert terugval.dossier_id == hersteld
    (samengeteld,) = terugval.events
    assert type(samengeteld).__name__ == "ZiekmeldingSamengeteld"
    assert samengeteld.data["vorige_hersteldatum"] == dag(HERSTEL)
    assert types_of(platform, hersteld, "werkgever")[-1] == "ZiekmeldingSamengeteld"
    # The other services keep the part they opened: no second DossierGeopend.
    assert types_of(platform, hersteld, "bedrijfsarts") == ["DossierGeopend"]
    # The continued period is open again, so it can end in a herstel once more.
    platform.execute("registreer_herstel", WERKGEVER, hersteld, {"geldig_op": dag(HERSTEL + 40)})


@pytest.mark.parametrize("dagen_na_herstel", [28, 35])
def test_a_relapse_after_four_weeks_opens_a_new_dossier(platform, hersteld, dagen_na_herstel):
    terugval = meld_ziek(platform, op=dag(HERSTEL + dagen_na_herstel))

    assert terugval.dossier_id != hersteld
    assert [type(e).__name__ for e in terugval.events] == ["ZiekmeldingGeregistreerd"]
    for service in ("bedrijfsarts", "arbeidsdeskundige", "providerboog", "uwv_submission"):
        assert types_of(platform, terugval.dossier_id, service) == ["DossierGeopend"]
    assert "ZiekmeldingSamengeteld" not in types_of(platform, hersteld, "werkgever")
    assert events_of(platform, hersteld, "werkgever")[-1].geldig_op.isoformat() == dag(HERSTEL)


def test_a_relapse_before_the_herstel_is_refused(platform, hersteld):
    with refused(platform, DomainRuleViolated, "ligt voor het herstel", dag(HERSTEL)):
        meld_ziek(platform, op=dag(HERSTEL - 1))
