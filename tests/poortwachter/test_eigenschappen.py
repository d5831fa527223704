"""Properties of the calendar over random command sequences through the platform (hypothesis).

Each example reports one employee sick and then runs a random sequence of process steps, each
dated some days before (or, wrongly, after) the day it is recorded. Whatever the sequence:
- no stored fact is valid after the Dutch day it was recorded;
- a row counts as done only by a recorded fact, and shows the day that fact was recorded: a row
  done on time by its date but recorded after its due date always says so (te laat vastgelegd);
- the calendar is a pure function of the facts: the same history gives the same calendar.
"""

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from events import Actor, ContractViolation, Rol
from poortwachter import Status, feiten_uit_historie, kalender
from services.shared import clock
from services.shared.errors import CommandRejected
from wvp.runtime import Platform

EERSTE = date(2025, 1, 6)
WG = Actor(rol=Rol.WERKGEVER, persoon_id="hr-1", organisatie="acme")
CM = Actor(rol=Rol.CASEMANAGER, persoon_id="cm-1", organisatie="acme")
BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba-1", organisatie="arbo")
UWV = Actor(rol=Rol.UWV, persoon_id="uwv-1", organisatie="uwv")
PLAN = {
    "doel": "terug naar eigen werk",
    "afspraken": [{"wat": "opbouw", "wie": "werknemer", "uiterlijk": "2025-06-01"}],
    "financiele_gevolgen_uitgelegd": True,
}
# The steps a sequence draws from: (command, actor, fields).
STAPPEN = (
    ("geef_triage_oordeel", BA, {"medische_oorzaak": True, "toelichting": "klachten"}),
    (
        "lever_probleemanalyse_op",
        BA,
        {"mogelijkheden": "licht", "beperkingen": "tillen", "advies": "opbouw", "diagnose": "x"},
    ),
    ("stel_plan_van_aanpak_vast", WG, PLAN),
    ("leg_gesprek_vast", CM, {"onderwerp": "probleemanalyse", "verslag": "besproken"}),
    ("leg_voortgang_vast", CM, {"samenvatting": "loopt", "stagnatie": False}),
    ("dien_melding_42_weken_in", CM, {"kenmerk": "m42"}),
    ("leg_eerstejaarsevaluatie_vast", WG, {"conclusie": "geevalueerd", "spoor2_nodig": False}),
    ("registreer_herstel", WG, {}),
)
_WERKNEMERS = itertools.count()

# (index into STAPPEN, sick day it is dated, days from that date to its recording)
stap = st.tuples(st.integers(0, len(STAPPEN) - 1), st.integers(0, 420), st.integers(-3, 60))


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    env = {"WVP_DATA_DIR": str(tmp_path_factory.mktemp("data")), "WVP_DATABASE_URL": ""}
    started = Platform(env, policy=False).start()
    yield started
    started.stop()


def _om(dag: date, volgnummer: int) -> datetime:
    return datetime.combine(dag, time(9), tzinfo=UTC) + timedelta(minutes=volgnummer)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=st.lists(stap, max_size=8), meld_vertraging=st.integers(0, 20))
def test_no_sequence_makes_the_calendar_claim_more_than_was_recorded(
    platform, stappen, meld_vertraging
):
    werknemer = f"wn-{next(_WERKNEMERS)}"
    with clock.frozen_at(_om(EERSTE + timedelta(days=meld_vertraging), 0)):
        dossier = platform.execute(
            "registreer_ziekmelding",
            WG,
            None,
            {"geldig_op": EERSTE.isoformat(), "werknemer_id": werknemer, "werkgever_id": "acme"},
        ).dossier_id
    # Recorded in order of their recording day, as time goes.
    gepland = sorted(stappen, key=lambda s: s[1] + s[2])
    for volgnummer, (i, dag, vertraging) in enumerate(gepland, start=1):
        command, actor, velden = STAPPEN[i]
        geldig = EERSTE + timedelta(days=dag)
        with clock.frozen_at(_om(geldig + timedelta(days=vertraging), volgnummer)):
            try:
                platform.execute(
                    command, actor, dossier, {**velden, "geldig_op": geldig.isoformat()}
                )
            except (CommandRejected, ContractViolation):
                continue  # refused: a rule of the process or of time; nothing was recorded

    historie = platform.history(dossier)
    vastgelegd = {}
    for _, feit in historie:
        dag = clock.local_date(feit.timestamp)
        assert feit.geldig_op <= dag, (type(feit).__name__, feit.geldig_op, dag)
        vastgelegd.setdefault(feit.geldig_op, set()).add(dag)

    feiten = feiten_uit_historie(historie)
    for peildatum in (EERSTE + timedelta(days=60), EERSTE + timedelta(days=800)):
        rijen = kalender(feiten, peildatum)
        # Pure: the same facts, read again, give the same calendar.
        assert rijen == kalender(feiten_uit_historie(platform.history(dossier)), peildatum)
        for rij in rijen:
            if rij.gedaan_op is None or rij.code == "herstelmelding":
                continue  # herstelmelding: done by the herstel day that closed the period
            # Done only by a recorded fact, and the day shown is the day it was recorded.
            assert rij.vastgelegd_op in vastgelegd.get(rij.gedaan_op, ()), rij
            te_laat = rij.uiterlijk is not None and rij.vastgelegd_op > rij.uiterlijk
            if rij.status is Status.OP_TIJD:
                assert rij.te_laat_vastgelegd == te_laat, rij
                event("op tijd, te laat vastgelegd" if te_laat else "op tijd vastgelegd")
