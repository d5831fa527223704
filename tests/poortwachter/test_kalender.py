"""Table tests of the poortwachter calendar: due dates and statuses for every process-table row.

Expected dates are written out by hand (counted on a calendar), not computed with the code under
test. The base dossier starts on Monday 5 January 2026 with one open spell, so "week N" is due
on the Sunday that ends week N.
"""

from datetime import date, timedelta

import pytest

from poortwachter import (
    RIJEN,
    DossierFeiten,
    Stap,
    Status,
    Uitvoering,
    kalender,
    procestabel,
    signalen,
)
from poortwachter.werkdagen import eerste_werkdag, is_werkdag

D = date
START = D(2026, 1, 5)
OPEN_SPELL = ((START, None),)

OP_TIJD, TE_LAAT, VERLOPEN = Status.OP_TIJD, Status.TE_LAAT, Status.VERLOPEN
OPEN, NVT = Status.OPEN, Status.NIET_VAN_TOEPASSING
EVALUATIE = D(2026, 12, 20)  # week 51: inside the eerstejaarsevaluatie's window (weeks 46-52)


def feiten(periodes=OPEN_SPELL, gedaan=None, **flags) -> DossierFeiten:
    """A dossier; `gedaan` maps a step to one date or a tuple of dates."""
    stappen = {
        stap: tuple(Uitvoering(d) for d in (op if isinstance(op, tuple) else (op,)))
        for stap, op in (gedaan or {}).items()
    }
    return DossierFeiten(periodes=periodes, stappen=stappen, **flags)


def rij(dossier: DossierFeiten, peildatum: date, code: str):
    return next(v for v in kalender(dossier, peildatum) if v.code == code)


# (code, facts, peildatum, expected uiterlijk, expected status)
CASES = [
    # day 1 and day 2
    ("ziekmelding", {"gedaan": {Stap.ZIEKMELDING: START}}, START, START, OP_TIJD),
    ("ziekmelding_uitgevraagd", {}, START, START, OPEN),
    ("ziekmelding_uitgevraagd", {}, D(2026, 1, 6), START, VERLOPEN),
    ("ziekmelding_uitgevraagd", {"gedaan": {Stap.ZIEKMELDING_UITGEVRAAGD: START}}, START,
     START, OP_TIJD),
    ("digitale_triage", {"gedaan": {Stap.DIGITALE_TRIAGE: START}}, D(2026, 3, 1), START, OP_TIJD),
    ("verzekeraar_geinformeerd", {"gedaan": {Stap.VERZEKERAAR_GEINFORMEERD: D(2026, 1, 7)}},
     D(2026, 1, 7), D(2026, 1, 6), TE_LAAT),
    # week 1 and 2
    ("screening", {"gedaan": {Stap.SCREENING: D(2026, 1, 9)}}, D(2026, 1, 9), D(2026, 1, 11),
     OP_TIJD),
    ("triage", {}, D(2026, 1, 19), D(2026, 1, 18), VERLOPEN),
    ("triage", {}, D(2026, 1, 18), D(2026, 1, 18), OPEN),
    ("oordeel_gerapporteerd", {"gedaan": {Stap.OORDEEL_GERAPPORTEERD: D(2026, 1, 18)}},
     D(2026, 2, 1), D(2026, 1, 18), OP_TIJD),
    ("toestemming_medische_informatie", {"medische_informatie_nodig": True}, D(2026, 1, 10),
     D(2026, 1, 18), OPEN),
    ("toestemming_medische_informatie", {"medische_informatie_nodig": True,
     "gedaan": {Stap.TOESTEMMING: D(2026, 1, 20)}}, D(2026, 1, 20), D(2026, 1, 18), TE_LAAT),
    ("toestemming_medische_informatie", {}, D(2026, 2, 1), D(2026, 1, 18), NVT),
    # week 2-4 with psychological complaints; from week 3 early IVA
    ("probleemanalyse_psychisch", {"psychische_klachten": True,
     "gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 10)}}, D(2026, 2, 10), D(2026, 2, 1), TE_LAAT),
    ("probleemanalyse_psychisch", {"psychische_klachten": True}, D(2026, 2, 2), D(2026, 2, 1),
     VERLOPEN),
    ("probleemanalyse_psychisch", {"gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 10)}},
     D(2026, 2, 10), D(2026, 2, 1), NVT),
    # judged in week 1: the signal is due when week 3 starts
    ("vervroegde_iva_overwegen", {"duurzaam_geen_mogelijkheden_op": D(2026, 1, 7)},
     D(2026, 1, 20), D(2026, 1, 19), VERLOPEN),
    ("vervroegde_iva_overwegen", {"duurzaam_geen_mogelijkheden_op": D(2026, 6, 1),
     "gedaan": {Stap.VERVROEGDE_IVA: D(2026, 6, 1)}}, D(2026, 6, 2), D(2026, 6, 1), OP_TIJD),
    ("vervroegde_iva_overwegen", {}, D(2026, 6, 2), None, NVT),
    # week 5, 6 and 8
    ("consult_probleemanalyse", {"gedaan": {Stap.CONSULT: D(2026, 2, 8)}}, D(2026, 2, 8),
     D(2026, 2, 8), OP_TIJD),
    ("consult_probleemanalyse", {"medische_oorzaak": False}, D(2026, 3, 1), D(2026, 2, 8), NVT),
    ("probleemanalyse", {}, D(2026, 2, 15), D(2026, 2, 15), OPEN),
    ("probleemanalyse", {}, D(2026, 2, 16), D(2026, 2, 15), VERLOPEN),
    ("probleemanalyse", {"gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 16)}}, D(2026, 2, 20),
     D(2026, 2, 15), TE_LAAT),
    ("probleemanalyse", {"medische_oorzaak": False}, D(2026, 2, 20), D(2026, 2, 15), NVT),
    ("probleemanalyse_besproken", {"gedaan": {Stap.PROBLEEMANALYSE_BESPROKEN: D(2026, 2, 14)}},
     D(2026, 2, 20), D(2026, 2, 15), OP_TIJD),
    ("plan_van_aanpak", {}, D(2026, 3, 2), D(2026, 3, 1), VERLOPEN),
    ("plan_van_aanpak", {"gedaan": {Stap.PLAN_VAN_AANPAK: D(2026, 3, 1)}}, D(2026, 3, 2),
     D(2026, 3, 1), OP_TIJD),
    # monthly progress: four weeks after the plan van aanpak, then four weeks after each report
    ("voortgang_maandelijks", {}, D(2026, 3, 1), D(2026, 3, 29), OPEN),
    ("voortgang_maandelijks", {"gedaan": {Stap.PLAN_VAN_AANPAK: D(2026, 2, 20)}},
     D(2026, 3, 21), D(2026, 3, 20), VERLOPEN),
    ("voortgang_maandelijks", {"gedaan": {Stap.PLAN_VAN_AANPAK: D(2026, 2, 20),
     Stap.VOORTGANG: D(2026, 3, 10)}}, D(2026, 3, 15), D(2026, 3, 20), OP_TIJD),
    ("voortgang_maandelijks", {"gedaan": {Stap.PLAN_VAN_AANPAK: D(2026, 2, 20),
     Stap.VOORTGANG: D(2026, 3, 10)}}, D(2026, 3, 25), D(2026, 4, 7), OPEN),
    # at least every 13 weeks a consultation
    ("consult_13_weken", {}, D(2026, 4, 6), D(2026, 4, 5), VERLOPEN),
    ("consult_13_weken", {"gedaan": {Stap.CONSULT: D(2026, 2, 8)}}, D(2026, 4, 6),
     D(2026, 5, 10), OPEN),
    ("consult_13_weken", {"gedaan": {Stap.CONSULT: (D(2026, 2, 8), D(2026, 5, 1))}},
     D(2026, 8, 1), D(2026, 7, 31), VERLOPEN),
    # bijstelling within four weeks of stagnation or a medical change
    ("bijstelling_stagnatie", {"stagnatie_op": (D(2026, 5, 4),),
     "gedaan": {Stap.PLAN_VAN_AANPAK_BIJGESTELD: D(2026, 5, 20)}}, D(2026, 6, 2), D(2026, 6, 1),
     OP_TIJD),
    ("bijstelling_stagnatie", {"stagnatie_op": (D(2026, 5, 4),),
     "gedaan": {Stap.PLAN_VAN_AANPAK_BIJGESTELD: D(2026, 4, 1)}}, D(2026, 6, 2), D(2026, 6, 1),
     VERLOPEN),
    ("bijstelling_stagnatie", {}, D(2026, 6, 2), None, NVT),
    ("bijstelling_medische_verandering", {"medische_verandering_op": (D(2026, 5, 4),)},
     D(2026, 5, 10), D(2026, 6, 1), OPEN),
    ("bijstelling_medische_verandering", {}, D(2026, 5, 10), None, NVT),
    # spoor 2 explored within six weeks of the arbeidsdeskundige finding no suitable own work
    ("spoor2_verkennen", {"passend_eigen_werk": False,
     "gedaan": {Stap.ARBEIDSDESKUNDIG_RAPPORT: D(2026, 9, 1)}}, D(2026, 10, 14), D(2026, 10, 13),
     VERLOPEN),
    ("spoor2_verkennen", {"passend_eigen_werk": False, "gedaan": {
     Stap.ARBEIDSDESKUNDIG_RAPPORT: D(2026, 9, 1), Stap.SPOOR2_GESTART: D(2026, 8, 1)}},
     D(2026, 10, 14), D(2026, 10, 13), OP_TIJD),
    ("spoor2_verkennen", {"passend_eigen_werk": True,
     "gedaan": {Stap.ARBEIDSDESKUNDIG_RAPPORT: D(2026, 9, 1)}}, D(2026, 10, 14), None, NVT),
    ("spoor2_verkennen", {"passend_eigen_werk": False,
     "duurzaam_geen_mogelijkheden_op": D(2026, 8, 1),
     "gedaan": {Stap.ARBEIDSDESKUNDIG_RAPPORT: D(2026, 9, 1)}}, D(2026, 10, 14), None, NVT),
    # deskundigenoordeel: optional, any time
    ("deskundigenoordeel", {"gedaan": {Stap.DESKUNDIGENOORDEEL_AANGEVRAAGD: D(2026, 7, 1)}},
     D(2026, 7, 2), None, OP_TIJD),
    ("deskundigenoordeel", {}, D(2026, 7, 2), None, NVT),
    # week 42
    # week 42 ends on Sunday 25 October: due the first working day after it, Monday 26 October
    ("melding_42_weken", {}, D(2026, 10, 20), D(2026, 10, 26), OPEN),
    ("melding_42_weken", {"gedaan": {Stap.MELDING_42_WEKEN: D(2026, 10, 26)}}, D(2026, 10, 26),
     D(2026, 10, 26), OP_TIJD),
    ("melding_42_weken", {"gedaan": {Stap.MELDING_42_WEKEN: D(2026, 10, 27)}}, D(2026, 10, 27),
     D(2026, 10, 26), TE_LAAT),
    # before week 52 and week 52
    ("belastbaarheid_herbeoordeeld", {"gedaan": {Stap.BELASTBAARHEID: D(2026, 12, 1)}},
     D(2026, 12, 1), D(2026, 12, 27), OP_TIJD),
    ("arbeidsdeskundig_rapport", {}, D(2026, 12, 28), D(2026, 12, 27), VERLOPEN),
    ("eerstejaarsevaluatie", {"gedaan": {Stap.EERSTEJAARSEVALUATIE: D(2027, 1, 3)}},
     D(2027, 1, 4), D(2027, 1, 3), OP_TIJD),
    # week 58 and 67
    ("spoor2_uiterlijk", {}, D(2027, 2, 15), D(2027, 2, 14), VERLOPEN),
    ("spoor2_uiterlijk", {"gedaan": {Stap.SPOOR2_GESTART: D(2027, 2, 1)}}, D(2027, 2, 15),
     D(2027, 2, 14), OP_TIJD),
    # the eerstejaarsevaluatie of 20 December (week 51) decides about spoor 2 ...
    ("spoor2_uiterlijk", {"spoor2_nodig": False, "gedaan": {Stap.EERSTEJAARSEVALUATIE: EVALUATIE}},
     D(2027, 2, 15), D(2027, 2, 14), NVT),
    ("spoor2_uiterlijk", {"spoor2_nodig": True, "perspectief_eigen_werk_binnen_3_maanden": True,
     "gedaan": {Stap.EERSTEJAARSEVALUATIE: EVALUATIE}}, D(2027, 2, 15), D(2027, 2, 14), NVT),
    # ... one held in week 8 does not: it is no eerstejaarsevaluatie
    ("spoor2_uiterlijk",
     {"spoor2_nodig": False, "gedaan": {Stap.EERSTEJAARSEVALUATIE: D(2026, 2, 25)}},
     D(2027, 2, 15), D(2027, 2, 14), VERLOPEN),
    ("eerstejaarsevaluatie", {"gedaan": {Stap.EERSTEJAARSEVALUATIE: D(2026, 2, 25)}},
     D(2027, 1, 4), D(2027, 1, 3), VERLOPEN),
    ("eerstejaarsevaluatie", {"gedaan": {Stap.EERSTEJAARSEVALUATIE: EVALUATIE}},
     D(2027, 1, 4), D(2027, 1, 3), OP_TIJD),
    # an FML of week 6 is no re-assessment before week 52; one of week 50 is
    ("belastbaarheid_herbeoordeeld", {"gedaan": {Stap.BELASTBAARHEID: D(2026, 2, 10)}},
     D(2027, 1, 4), D(2026, 12, 27), VERLOPEN),
    ("belastbaarheid_herbeoordeeld", {"gedaan": {Stap.BELASTBAARHEID: D(2026, 12, 14)}},
     D(2027, 1, 4), D(2026, 12, 27), OP_TIJD),
    # an actueel oordeel of week 10 is not current before the WIA application; one of week 85 is
    ("actueel_oordeel", {"gedaan": {Stap.ACTUEEL_OORDEEL: D(2026, 3, 12)}},
     D(2027, 9, 6), D(2027, 9, 5), VERLOPEN),
    ("actueel_oordeel", {"gedaan": {Stap.ACTUEEL_OORDEEL: D(2027, 8, 16)}},
     D(2027, 9, 6), D(2027, 9, 5), OP_TIJD),
    ("vervroegde_iva_uiterlijk", {"duurzaam_geen_mogelijkheden_op": D(2026, 3, 1),
     "gedaan": {Stap.VERVROEGDE_IVA: D(2027, 5, 1)}}, D(2027, 5, 1), D(2027, 4, 18), TE_LAAT),
    ("vervroegde_iva_uiterlijk", {}, D(2027, 5, 1), D(2027, 4, 18), NVT),
    # before week 88, week 88, before week 91
    ("actueel_oordeel", {"gedaan": {Stap.ACTUEEL_OORDEEL: D(2027, 9, 5)}}, D(2027, 9, 6),
     D(2027, 9, 5), OP_TIJD),
    ("herstelprognose", {}, D(2027, 9, 6), D(2027, 9, 5), VERLOPEN),
    ("wia_uitnodiging", {}, D(2027, 9, 1), D(2027, 9, 12), OPEN),
    ("eindevaluatie", {"gedaan": {Stap.EINDEVALUATIE: D(2027, 9, 27)}}, D(2027, 9, 27),
     D(2027, 9, 26), TE_LAAT),
    ("riv_samengesteld", {"gedaan": {Stap.RIV_SAMENGESTELD: D(2027, 9, 20)}}, D(2027, 9, 20),
     D(2027, 9, 26), OP_TIJD),
    ("medisch_deel_riv", {}, D(2027, 9, 30), D(2027, 9, 26), VERLOPEN),
    # week 93, 95, 101
    ("wia_aanvraag", {"gedaan": {Stap.WIA_AANVRAAG: D(2027, 10, 10)}}, D(2027, 10, 10),
     D(2027, 10, 17), OP_TIJD),
    ("wia_aanvraag", {}, D(2027, 10, 18), D(2027, 10, 17), VERLOPEN),
    ("ontvangstbevestiging", {}, D(2027, 10, 25), D(2027, 10, 31), OPEN),
    ("ingebrekestelling_uwv", {}, D(2027, 12, 13), D(2027, 12, 12), VERLOPEN),
    ("ingebrekestelling_uwv", {"gedaan": {Stap.UWV_IN_GEBREKE_GESTELD: D(2027, 12, 12)}},
     D(2027, 12, 13), D(2027, 12, 12), OP_TIJD),
    ("ingebrekestelling_uwv", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 11, 20)}}, D(2027, 12, 13),
     D(2027, 12, 12), NVT),
    ("ingebrekestelling_uwv", {"loonsanctie_tot": D(2028, 12, 31)}, D(2027, 12, 13),
     D(2027, 12, 12), NVT),
    # week 104: end of the waiting period and the WIA decision
    ("einde_wachttijd", {}, D(2027, 12, 13), D(2028, 1, 2), OPEN),
    ("einde_wachttijd", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20)}}, D(2028, 1, 3),
     D(2028, 1, 2), OP_TIJD),
    ("einde_wachttijd", {}, D(2028, 1, 3), D(2028, 1, 2), VERLOPEN),
    ("einde_wachttijd", {"loonsanctie_tot": D(2028, 12, 31)}, D(2028, 1, 3), D(2028, 12, 31),
     OPEN),
    ("einde_wachttijd", {"verlenging_weken": 13}, D(2028, 1, 3), D(2028, 4, 2), OPEN),
    # UWV names the sanction's end: a verlenging before it does not add to that date
    ("einde_wachttijd", {"loonsanctie_tot": D(2028, 12, 31), "verlenging_weken": 2},
     D(2028, 1, 3), D(2028, 12, 31), OPEN),
    # a loonsanctie never shortens the waiting period, and lasts at most 52 weeks past it
    ("einde_wachttijd", {"loonsanctie_tot": D(2027, 6, 30)}, D(2027, 7, 1), D(2028, 1, 2), OPEN),
    ("einde_wachttijd", {"loonsanctie_tot": D(2037, 12, 31)}, D(2028, 1, 3), D(2028, 12, 31),
     OPEN),
    ("einde_wachttijd", {"loonsanctie_tot": D(2037, 12, 31), "verlenging_weken": 10},
     D(2028, 1, 3), D(2029, 3, 11), OPEN),
    # UWV's verlenging moves the run-up to the application with it; a loonsanctie does not
    ("wia_aanvraag", {"verlenging_weken": 13}, D(2027, 10, 18), D(2028, 1, 16), OPEN),
    ("wia_aanvraag", {"loonsanctie_tot": D(2028, 12, 31)}, D(2027, 10, 18), D(2027, 10, 17),
     VERLOPEN),
    ("riv_samengesteld", {"verlenging_weken": 13}, D(2027, 9, 27), D(2027, 12, 26), OPEN),
    ("eindevaluatie", {"verlenging_weken": 13}, D(2027, 9, 27), D(2027, 12, 26), OPEN),
    ("medisch_deel_riv", {"verlenging_weken": 13}, D(2027, 9, 30), D(2027, 12, 26), OPEN),
    ("wia_uitnodiging", {"verlenging_weken": 13}, D(2027, 9, 13), D(2027, 12, 12), OPEN),
    ("herstelprognose", {"verlenging_weken": 13}, D(2027, 9, 6), D(2027, 12, 5), OPEN),
    ("ontvangstbevestiging", {"verlenging_weken": 13}, D(2027, 11, 1), D(2028, 1, 30), OPEN),
    ("ingebrekestelling_uwv", {"verlenging_weken": 13}, D(2027, 12, 13), D(2028, 3, 12), OPEN),
    # bezwaar: six weeks after the decision; a right, so a period run out without it lapses
    ("bezwaar_loonsanctie", {}, D(2028, 1, 3), None, NVT),
    ("bezwaar_loonsanctie", {"loonsanctie_op": D(2027, 11, 1), "loonsanctie_tot": D(2028, 6, 1)},
     D(2027, 11, 20), D(2027, 12, 13), OPEN),
    ("bezwaar_loonsanctie", {"loonsanctie_op": D(2027, 11, 1), "loonsanctie_tot": D(2028, 6, 1),
     "gedaan": {Stap.BEZWAAR_LOONSANCTIE: D(2027, 12, 1)}}, D(2028, 1, 3), D(2027, 12, 13),
     OP_TIJD),
    ("bezwaar_loonsanctie", {"loonsanctie_op": D(2027, 11, 1), "loonsanctie_tot": D(2028, 6, 1)},
     D(2027, 12, 14), D(2027, 12, 13), NVT),
    ("bezwaar_wia_besluit", {}, D(2028, 1, 3), None, NVT),
    ("bezwaar_wia_besluit", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20)}}, D(2028, 1, 3),
     D(2028, 1, 31), OPEN),
    ("bezwaar_wia_besluit", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20),
     Stap.BEZWAAR_WIA_BESLUIT: D(2028, 1, 10)}}, D(2028, 3, 1), D(2028, 1, 31), OP_TIJD),
    ("bezwaar_wia_besluit", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20)}}, D(2028, 2, 1),
     D(2028, 1, 31), NVT),
    # the werkwijzer's rows beyond §5: the week-4 call-up, explanations, scans and checks
    ("stand_van_zaken_week_4", {}, D(2026, 2, 2), D(2026, 2, 1), VERLOPEN),
    ("stand_van_zaken_week_4", {"gedaan": {Stap.WERKNEMER_OPGEROEPEN: D(2026, 1, 26)}},
     D(2026, 2, 2), D(2026, 2, 1), OP_TIJD),
    ("financiele_gevolgen_week_8", {}, D(2026, 3, 2), D(2026, 3, 1), VERLOPEN),
    ("financiele_gevolgen_week_8", {"gedaan": {Stap.FINANCIELE_GEVOLGEN: D(2026, 2, 20)}},
     D(2026, 3, 2), D(2026, 3, 1), OP_TIJD),
    # monthly medical monitoring: four weeks after the probleemanalyse, then after each check
    ("medische_monitoring", {"gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 10)}}, D(2026, 3, 1),
     D(2026, 3, 10), OPEN),
    ("medische_monitoring", {"gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 10)}}, D(2026, 3, 11),
     D(2026, 3, 10), VERLOPEN),
    ("medische_monitoring", {"gedaan": {Stap.PROBLEEMANALYSE: D(2026, 2, 10),
     Stap.MEDISCHE_MONITORING: (D(2026, 3, 9),)}}, D(2026, 3, 11), D(2026, 4, 6), OPEN),
    ("pre_wia_scan_1", {}, D(2026, 12, 28), D(2026, 12, 27), VERLOPEN),
    ("pre_wia_scan_1", {"gedaan": {Stap.PRE_WIA_SCAN_1: D(2026, 11, 2)}}, D(2026, 12, 28),
     D(2026, 12, 27), OP_TIJD),
    ("financiele_gevolgen_week_52", {}, D(2026, 12, 1), D(2026, 12, 27), OPEN),
    ("pre_wia_scan_2", {"gedaan": {Stap.PRE_WIA_SCAN_2: D(2027, 2, 10)}}, D(2027, 2, 10),
     D(2027, 2, 7), TE_LAAT),
    ("voorlichting_wia_aanvraag", {}, D(2027, 9, 6), D(2027, 9, 5), VERLOPEN),
    ("voorlichting_wia_aanvraag", {"verlenging_weken": 13}, D(2027, 9, 6), D(2027, 12, 5),
     OPEN),
    ("uitnodiging_wia_beoordeling", {}, D(2027, 12, 6), D(2027, 12, 5), VERLOPEN),
    ("uitnodiging_wia_beoordeling", {"gedaan": {Stap.UITNODIGING_WIA_BEOORDELING:
     D(2027, 11, 20)}}, D(2027, 12, 6), D(2027, 12, 5), OP_TIJD),
    ("voorlichting_na_104_weken", {}, D(2027, 12, 20), D(2027, 12, 26), OPEN),
    # on receipt of the WIA decision: only once there is one, answered only after it
    ("uitleg_wia_uitslag", {}, D(2028, 1, 3), None, NVT),
    ("uitleg_wia_uitslag", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20)}}, D(2027, 12, 28),
     D(2027, 12, 27), VERLOPEN),
    ("verzekeraar_wia_besluit", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20),
     Stap.VERZEKERAAR_GEINFORMEERD: (D(2026, 1, 6), D(2027, 12, 22))}}, D(2028, 1, 3),
     D(2027, 12, 27), OP_TIJD),
    ("verzekeraar_wia_besluit", {"gedaan": {Stap.WIA_BESLUIT: D(2027, 12, 20),
     Stap.VERZEKERAAR_GEINFORMEERD: D(2026, 1, 6)}}, D(2028, 1, 3), D(2027, 12, 27), VERLOPEN),
    # Variant, pregnancy (BW art. 7:629 lid 10): ill until the leave of 2 Mar - 21 Jun, ill again
    # right after it: one period, the leave days not counted; every deadline moves by the leave
    ("melding_42_weken", {"periodes": ((START, D(2026, 3, 2)), (D(2026, 6, 22), None)),
     "verloven": ((D(2026, 3, 2), D(2026, 6, 21)),)}, D(2026, 11, 1), D(2027, 2, 15), OPEN),
    ("einde_wachttijd", {"periodes": ((START, D(2026, 3, 2)), (D(2026, 6, 22), None)),
     "verloven": ((D(2026, 3, 2), D(2026, 6, 21)),)}, D(2028, 1, 3), D(2028, 4, 23), OPEN),
    # Variant, ziek uit dienst (domain.md): after ten weeks of illness the eindevaluatie is due
    # by the last day of employment; what falls due later lapses, UWV takes the case over
    ("eindevaluatie", {"uit_dienst_op": D(2026, 5, 31)}, D(2026, 6, 10), D(2026, 5, 31),
     VERLOPEN),
    ("eindevaluatie", {"uit_dienst_op": D(2026, 2, 15)}, D(2026, 2, 20), D(2027, 9, 26), NVT),
    ("melding_42_weken", {"uit_dienst_op": D(2026, 5, 31)}, D(2026, 11, 1), D(2026, 10, 26),
     NVT),
    # Variant, Ziektewet vangnet: the UWV ziekmelding comes early, within six weeks for the
    # no-riskpolis and pregnancy, within four working days for organ donation
    ("melding_42_weken", {"vangnet": "no_riskpolis"}, D(2026, 2, 1), D(2026, 2, 15), OPEN),
    ("melding_42_weken", {"vangnet": "zwangerschap"}, D(2026, 2, 16), D(2026, 2, 15), VERLOPEN),
    ("melding_42_weken", {"vangnet": "orgaandonatie", "gedaan": {Stap.MELDING_42_WEKEN:
     D(2026, 1, 7)}}, D(2026, 2, 1), D(2026, 1, 8), OP_TIJD),
    # any time
    ("herstelmelding", {}, D(2026, 3, 1), None, OPEN),
    ("herstelmelding", {"periodes": ((START, D(2026, 2, 2)),)}, D(2026, 3, 1), None, OP_TIJD),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "facts", "peildatum", "uiterlijk", "status"),
    [pytest.param(*case, id=f"{case[0]}-{case[4]}-{i}") for i, case in enumerate(CASES)],
)
def test_rij(code, facts, peildatum, uiterlijk, status):
    verplichting = rij(feiten(**facts), peildatum, code)
    assert (verplichting.uiterlijk, verplichting.status) == (uiterlijk, status)


def test_elke_rij_heeft_een_geval_in_de_tabel():
    assert {case[0] for case in CASES} == {r.code for r in RIJEN}


def test_kalender_levert_precies_de_gedocumenteerde_rijen():
    codes = [v.code for v in kalender(feiten(), START)]
    assert codes == [r.code for r in RIJEN]
    assert len(set(codes)) == len(codes)
    # domain.md §5 has 31 rows; every one of them is covered by at least one code
    assert {r.tabelrij for r in RIJEN} == set(range(1, 32))
    assert all(r.wanneer and r.omschrijving for r in RIJEN)


def test_gedaan_op_uitvoerder_en_beoordelaar():
    dossier = feiten(gedaan={Stap.PROBLEEMANALYSE: (D(2026, 2, 20), D(2026, 2, 10))})
    verplichting = rij(dossier, D(2026, 3, 1), "probleemanalyse")
    assert verplichting.gedaan_op == D(2026, 2, 10)
    assert (verplichting.uitvoerder, verplichting.beoordelaar) == ("bedrijfsarts", "bedrijfsarts")
    assert verplichting.wettelijk
    plan = rij(dossier, D(2026, 3, 1), "plan_van_aanpak")
    assert (plan.uitvoerder, plan.beoordelaar, plan.gedaan_op) == ("werkgever", None, None)


# Samentelling: the caller passes the spells of one period; the days between them do not count.


def test_terugval_na_drie_weken_schuift_termijnen_op_met_het_gat():
    gat = timedelta(weeks=3)
    periodes = ((START, D(2026, 1, 19)), (D(2026, 1, 19) + gat, None))
    dossier = feiten(periodes)
    assert rij(dossier, D(2026, 3, 1), "probleemanalyse").uiterlijk == D(2026, 2, 15) + gat
    assert rij(dossier, D(2026, 3, 1), "plan_van_aanpak").uiterlijk == D(2026, 3, 1) + gat
    assert rij(dossier, D(2026, 3, 1), "einde_wachttijd").uiterlijk == D(2028, 1, 2) + gat
    # a step due during the first spell keeps its date
    assert rij(dossier, D(2026, 3, 1), "screening").uiterlijk == D(2026, 1, 11)


def test_termijn_die_in_het_gat_zou_vallen_loopt_door_in_de_nieuwe_periode():
    # 10 sick days, herstel, relapse 20 days later: week 2 (sick day 14) is the 4th new day
    periodes = ((START, D(2026, 1, 15)), (D(2026, 2, 4), None))
    assert rij(feiten(periodes), D(2026, 2, 10), "triage").uiterlijk == D(2026, 2, 7)


def test_vijf_weken_na_herstel_is_geen_samentelling_maar_een_nieuw_dossier():
    herstel = D(2026, 1, 19)
    nieuw = herstel + timedelta(weeks=5)
    with pytest.raises(ValueError, match="nieuw dossier"):
        feiten(((START, herstel), (nieuw, None)))
    vers = feiten(((nieuw, None),))
    assert rij(vers, nieuw, "probleemanalyse").uiterlijk == nieuw + timedelta(days=41)


@pytest.mark.parametrize(
    "periodes",
    [
        (),
        ((START, None), (D(2026, 2, 1), None)),
        ((START, D(2026, 1, 1)),),
        ((START, D(2026, 1, 20)), (D(2026, 1, 10), None)),
    ],
    ids=["geen", "twee-open", "herstel-voor-begin", "overlap"],
)
def test_ongeldige_periodes_worden_geweigerd(periodes):
    with pytest.raises(ValueError):
        feiten(periodes)


# Herstel: what falls due on or after the (possibly backdated) herstel day lapses.


def test_teruggedateerd_herstel_laat_latere_verplichtingen_vervallen():
    # recorded in March, effective 10 February: the probleemanalyse (15 Feb) no longer applies
    dossier = feiten(((START, D(2026, 2, 10)),), gedaan={Stap.SCREENING: D(2026, 1, 8)})
    peil = D(2026, 3, 20)
    statussen = {v.code: v.status for v in kalender(dossier, peil)}
    assert statussen["screening"] == OP_TIJD
    assert statussen["triage"] == VERLOPEN  # due 18 Jan, before the herstel
    for code in ("probleemanalyse", "plan_van_aanpak", "melding_42_weken", "einde_wachttijd"):
        assert statussen[code] == NVT, code
    assert statussen["consult_13_weken"] == NVT
    assert statussen["voortgang_maandelijks"] == NVT


@pytest.mark.parametrize(
    ("herstel", "status"),
    [(D(2026, 2, 15), NVT), (D(2026, 2, 16), VERLOPEN)],
    ids=["herstel-op-de-termijn", "herstel-de-dag-erna"],
)
def test_grens_van_herstel(herstel, status):
    assert rij(feiten(((START, herstel),)), D(2026, 3, 1), "probleemanalyse").status == status


def test_terugval_heropent_de_telling():
    herstel, terug = D(2026, 2, 10), D(2026, 2, 24)
    hersteld = feiten(((START, herstel),))
    assert rij(hersteld, D(2026, 2, 20), "plan_van_aanpak").status == NVT
    opnieuw = feiten(((START, herstel), (terug, None)))
    plan = rij(opnieuw, D(2026, 3, 20), "plan_van_aanpak")
    assert (plan.uiterlijk, plan.status) == (D(2026, 3, 15), VERLOPEN)


def test_gedeeltelijk_herstel_stopt_de_klok_niet():
    # a percentage change is no spell boundary: the facts have one open spell
    assert rij(feiten(), D(2026, 10, 1), "melding_42_weken").uiterlijk == D(2026, 10, 26)


# Year ends and leap years.


@pytest.mark.parametrize(
    ("code", "uiterlijk"),
    [
        ("ziekmelding", D(2026, 12, 28)),
        ("screening", D(2027, 1, 3)),
        ("probleemanalyse", D(2027, 2, 7)),
        ("plan_van_aanpak", D(2027, 2, 21)),
        ("melding_42_weken", D(2027, 10, 18)),  # week 42 ends Sunday 17 October
        ("einde_wachttijd", D(2028, 12, 24)),  # across 29 February 2028
    ],
)
def test_dossier_dat_op_28_december_begint(code, uiterlijk):
    dossier = feiten(((D(2026, 12, 28), None),))
    assert rij(dossier, D(2026, 12, 28), code).uiterlijk == uiterlijk


@pytest.mark.parametrize(
    ("code", "uiterlijk"),
    [
        ("probleemanalyse", D(2028, 2, 20)),
        ("plan_van_aanpak", D(2028, 3, 5)),  # 56 days from 10 January, counting 29 February
        ("consult_13_weken", D(2028, 4, 9)),
    ],
)
def test_dossier_over_29_februari_2028(code, uiterlijk):
    assert rij(feiten(((D(2028, 1, 10), None),)), D(2028, 1, 10), code).uiterlijk == uiterlijk


def test_schrikkeldag_in_een_gat_telt_niet():
    # spell 1: 10 sick days; gap 25 Feb - 1 Mar 2028 (holding the 29th); week 2 due on day 14
    periodes = ((D(2028, 2, 15), D(2028, 2, 25)), (D(2028, 3, 2), None))
    assert rij(feiten(periodes), D(2028, 3, 2), "triage").uiterlijk == D(2028, 3, 5)


# Classification: medical rows are always medical, so leaving them out reveals nothing.

MEDISCHE_RIJEN = {
    "medische_monitoring",  # always medical: a change it finds is a medical fact
    "toestemming_medische_informatie",
    "probleemanalyse_psychisch",
    "bijstelling_medische_verandering",
}
MEDISCHE_FEITEN = {
    "psychische_klachten": True,
    "medische_informatie_nodig": True,
    "medische_verandering_op": (D(2026, 2, 20),),
}


def test_rijen_door_een_medisch_feit_zijn_medisch():
    zonder = kalender(feiten(), D(2026, 3, 1))
    met = kalender(feiten(**MEDISCHE_FEITEN), D(2026, 3, 1))
    for lijst in (zonder, met):
        assert {v.code for v in lijst if v.classificatie == "medisch"} == MEDISCHE_RIJEN
    # the medical facts made their rows apply ...
    assert {v.code for v in met if v.status != NVT} >= MEDISCHE_RIJEN


def test_werkgeversweergave_zonder_medische_rijen_verraadt_niets():
    def werkgeversweergave(dossier):
        return [v for v in kalender(dossier, D(2026, 3, 1)) if v.classificatie != "medisch"]

    assert werkgeversweergave(feiten()) == werkgeversweergave(feiten(**MEDISCHE_FEITEN))


# Signals.


def test_signalen_geeft_verlopen_en_binnenkort_te_doen_op_volgorde():
    peil = D(2026, 2, 16)
    dossier = feiten(
        gedaan={
            Stap.ZIEKMELDING: START,
            Stap.ZIEKMELDING_UITGEVRAAGD: START,
            Stap.DIGITALE_TRIAGE: START,
            Stap.VERZEKERAAR_GEINFORMEERD: D(2026, 1, 6),
            Stap.SCREENING: D(2026, 1, 7),
            Stap.TRIAGE_OORDEEL: D(2026, 1, 12),
            Stap.OORDEEL_GERAPPORTEERD: D(2026, 1, 14),
            Stap.WERKNEMER_OPGEROEPEN: D(2026, 1, 26),
            Stap.CONSULT: D(2026, 2, 3),
            Stap.PROBLEEMANALYSE: D(2026, 2, 12),
        }
    )
    lijst = signalen(kalender(dossier, peil), peil)
    assert [(v.code, v.status) for v in lijst] == [
        ("probleemanalyse_besproken", VERLOPEN),  # due 15 Feb
        ("plan_van_aanpak", OPEN),  # due 26 Feb (two weeks after the probleemanalyse)
        ("financiele_gevolgen_week_8", OPEN),  # due 1 Mar (week 8)
    ]
    # a wider window also shows the next steps; a calendar from an earlier day still signals
    verder = signalen(kalender(dossier, peil), peil, vooruit_dagen=60)
    assert [v.code for v in verder][-1] == "voortgang_maandelijks"  # due 29 Mar
    later = signalen(kalender(dossier, peil), D(2026, 3, 2))
    assert ("plan_van_aanpak", OPEN) in [(v.code, v.status) for v in later]


def test_terugkerende_stappen_lopen_niet_door_na_de_wachttijd():
    """After week 104 no new monitoring term runs; a term missed inside it stays overdue."""
    consulten = tuple(START + timedelta(days=91 * k - 1) for k in range(1, 9))  # to week 104
    plan = START + timedelta(days=50)
    voortgang = tuple(plan + timedelta(days=28 * k) for k in range(1, 25))
    dossier = feiten(
        gedaan={Stap.CONSULT: consulten, Stap.PLAN_VAN_AANPAK: plan, Stap.VOORTGANG: voortgang}
    )
    na_de_wachttijd = D(2028, 6, 1)
    for code in ("consult_13_weken", "voortgang_maandelijks"):
        assert rij(dossier, na_de_wachttijd, code).status is Status.NIET_VAN_TOEPASSING
    zonder_consulten = feiten(gedaan={Stap.PLAN_VAN_AANPAK: plan, Stap.VOORTGANG: voortgang})
    gemist = rij(zonder_consulten, na_de_wachttijd, "consult_13_weken")
    assert (gemist.status, gemist.uiterlijk) == (Status.VERLOPEN, START + timedelta(days=90))


# A valid date is a claim, the recording day a fact: the plan van aanpak is due on Sunday
# 1 March 2026 (week 8). Dated 25 February, it is on time by its date either way; recorded on
# 10 March, the row says it was recorded too late, with both dates.
@pytest.mark.parametrize(
    ("vastgelegd", "te_laat_vastgelegd"),
    [(D(2026, 2, 25), False), (D(2026, 3, 1), False), (D(2026, 3, 2), True), (None, False)],
)
def test_a_step_recorded_after_its_due_date_says_so(vastgelegd, te_laat_vastgelegd):
    plan = Uitvoering(D(2026, 2, 25), "werkgever", vastgelegd)
    dossier = DossierFeiten(periodes=OPEN_SPELL, stappen={Stap.PLAN_VAN_AANPAK: (plan,)})
    v = rij(dossier, D(2026, 3, 20), "plan_van_aanpak")
    assert (v.uiterlijk, v.status, v.gedaan_op) == (D(2026, 3, 1), OP_TIJD, D(2026, 2, 25))
    assert (v.vastgelegd_op, v.te_laat_vastgelegd) == (vastgelegd, te_laat_vastgelegd)


# The plan van aanpak: two weeks after the probleemanalyse, at the latest in week 8 (Regeling
# procesgang art. 4); without a medical cause it does not apply.
@pytest.mark.parametrize(
    ("analyse", "flags", "uiterlijk", "status"),
    [
        (None, {}, D(2026, 3, 1), OPEN),  # no probleemanalyse yet: week 8
        (D(2026, 2, 3), {}, D(2026, 2, 17), VERLOPEN),  # two weeks after it
        (D(2026, 2, 25), {}, D(2026, 3, 1), OPEN),  # a late analysis does not move week 8
        (None, {"medische_oorzaak": False}, D(2026, 3, 1), NVT),
    ],
)
def test_plan_van_aanpak_follows_the_probleemanalyse(analyse, flags, uiterlijk, status):
    gedaan = {Stap.PROBLEEMANALYSE: analyse} if analyse else {}
    v = rij(feiten(gedaan=gedaan, **flags), D(2026, 2, 20), "plan_van_aanpak")
    assert (v.uiterlijk, v.status) == (uiterlijk, status)


def test_42_weken_melding_rolls_over_5_may_as_the_algemene_termijnenwet_lists_it_every_year():
    # Week 42 of a dossier from 15 July 2025 ends on Monday 4 May 2026; Tuesday 5 May is a
    # holiday under the Atw (the `holidays` package has it only in lustrum years): Wednesday.
    dossier = feiten(((D(2025, 7, 15), None),))
    assert rij(dossier, D(2026, 4, 1), "melding_42_weken").uiterlijk == D(2026, 5, 6)


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (D(2026, 5, 5), False),  # Bevrijdingsdag, not a lustrum year
        (D(2026, 4, 3), False),  # Goede Vrijdag (Atw art. 3 lid 2)
        (D(2026, 4, 6), False),  # tweede paasdag
        (D(2026, 4, 27), False),  # Koningsdag
        (D(2026, 5, 14), False),  # Hemelvaartsdag
        (D(2026, 12, 26), False),  # tweede kerstdag, a Saturday anyway
        (D(2026, 10, 24), False),  # a Saturday
        (D(2026, 5, 6), True),
        (D(2026, 5, 15), True),  # the Friday after Ascension: only by decree (art. 3 lid 3)
    ],
)
def test_working_days_per_the_algemene_termijnenwet(dag, werkdag):
    assert is_werkdag(dag) is werkdag
    assert (eerste_werkdag(dag) == dag) is werkdag


def test_elke_rij_noemt_haar_bron_en_de_docs_tonen_de_tabel():
    assert all(r.bron for r in RIJEN), [r.code for r in RIJEN if not r.bron]
    assert procestabel.DOCUMENT.read_text(encoding="utf-8") == procestabel.markdown(), (
        "docs/procestabel.md is verouderd: python -m poortwachter.procestabel"
    )


@pytest.mark.parametrize(
    ("code", "facts", "peildatum", "uiterlijk", "status"),
    [pytest.param(*case, id=f"{case[0]}-{i}") for i, case in enumerate(CASES) if case[4] == NVT],
)
def test_een_rij_die_niet_van_toepassing_is_zegt_waarom(code, facts, peildatum, uiterlijk, status):
    reden = rij(feiten(**facts), peildatum, code).reden
    assert reden and reden != "niet van toepassing", (code, reden)


def test_zonder_medische_oorzaak_zeggen_de_vervallen_stappen_dat():
    zonder = feiten(medische_oorzaak=False)
    for code in ("consult_probleemanalyse", "probleemanalyse", "probleemanalyse_besproken"):
        verplichting = rij(zonder, D(2026, 3, 1), code)
        assert verplichting.status == NVT
        assert verplichting.reden == "geen medische oorzaak volgens de bedrijfsarts"
    assert rij(zonder, D(2026, 3, 1), "plan_van_aanpak").reden == (
        "geen medische oorzaak volgens de bedrijfsarts"
    )
    # With a medical cause the same rows apply and give no reason.
    assert rij(feiten(), D(2026, 3, 1), "probleemanalyse").reden is None


def test_na_herstel_en_na_intrekking_zegt_de_rij_waarom_ze_vervalt():
    hersteld = feiten(((START, D(2026, 1, 20)),))
    assert (
        rij(hersteld, D(2026, 3, 1), "plan_van_aanpak").reden
        == "vervallen: hersteld per 2026-01-20"
    )
    ingetrokken = feiten(ingetrokken_op=D(2026, 1, 6))
    assert rij(ingetrokken, D(2026, 3, 1), "ziekmelding").reden == (
        "de ziekmelding is ingetrokken per 2026-01-06"
    )


def test_zonder_zwangerschapsverlof_is_een_gat_van_zestien_weken_een_nieuw_dossier():
    with pytest.raises(ValueError, match="nieuw dossier, geen samentelling"):
        feiten(((START, D(2026, 3, 2)), (D(2026, 6, 22), None)))
    # The leave bridges only its own days: four weeks or more on top of it still end the period.
    with pytest.raises(ValueError, match="nieuw dossier"):
        feiten(
            ((START, D(2026, 3, 2)), (D(2026, 7, 20), None)),
            verloven=((D(2026, 3, 2), D(2026, 6, 21)),),
        )
