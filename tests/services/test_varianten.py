"""Legal variants of the process on the werkgever service: a relapse right after a pregnancy and
maternity leave continues the period (BW art. 7:629 lid 10)."""

from tests.services.helpers import WERKGEVER, dag, meld_ziek, vastgelegd_op


def test_sick_again_right_after_the_pregnancy_leave_continues_the_dossier(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(56):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(56)})
        platform.execute(
            "leg_verlof_vast",
            WERKGEVER,
            dossier,
            {"geldig_op": dag(56), "soort": "zwangerschap_en_bevalling", "tot": dag(56 + 111)},
        )
    with vastgelegd_op(56 + 112):
        assert meld_ziek(platform, op=dag(56 + 112)).dossier_id == dossier


def test_without_the_leave_the_same_gap_opens_a_new_dossier(platform):
    with vastgelegd_op(0):
        dossier = meld_ziek(platform).dossier_id
    with vastgelegd_op(56):
        platform.execute("registreer_herstel", WERKGEVER, dossier, {"geldig_op": dag(56)})
    with vastgelegd_op(56 + 112):
        assert meld_ziek(platform, op=dag(56 + 112)).dossier_id != dossier
