"""`feiten_uit_historie` on a real platform: a short dossier driven through the commands.

The recorded clock runs a little behind the valid dates, as in practice; the herstel is recorded
nine days after the day it took effect, and the employee relapses within four weeks.
"""

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from events import CONTRACTS, Actor, Rol
from poortwachter import Stap, Status, Uitvoering, feiten_uit_historie, kalender
from poortwachter.feiten import bekende_event_types
from services.shared.clock import frozen_at
from wvp.runtime import running

D = date
WG = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
CM = Actor(rol=Rol.CASEMANAGER, persoon_id="cm1", organisatie="acme")
BA = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba1", organisatie="arbo")
_VOLGORDE = itertools.count()


def _op(platform, dossier_id, vastgelegd: date, command: str, actor: Actor, **fields):
    """Run a command with the recorded clock on `vastgelegd`, a minute after the previous one."""
    moment = datetime(vastgelegd.year, vastgelegd.month, vastgelegd.day, 9, tzinfo=UTC)
    with frozen_at(moment + timedelta(minutes=next(_VOLGORDE))):
        fields = {k: v.isoformat() if isinstance(v, date) else v for k, v in fields.items()}
        return platform.execute(command, actor, dossier_id, fields)


@pytest.fixture(scope="module")
def historie(tmp_path_factory):
    env = {"WVP_DATA_DIR": str(tmp_path_factory.mktemp("data")), "WVP_DATABASE_URL": ""}
    with running(env) as p:
        r = _op(p, None, D(2026, 1, 5), "registreer_ziekmelding", WG, geldig_op=D(2026, 1, 5),
                werknemer_id="wn1", werkgever_id="acme", verwachte_duur_dagen=30,
                lopende_taken="planning")  # fmt: skip
        did = r.dossier_id
        stappen = [
            (D(2026, 1, 5), "stel_casemanager_aan", WG,
             {"geldig_op": D(2026, 1, 5), "persoon_id": "cm1", "naam": "Casemanager"}),
            (D(2026, 1, 5), "wijs_bedrijfsarts_toe", WG,
             {"geldig_op": D(2026, 1, 5), "persoon_id": "ba1", "organisatie": "arbo"}),
            (D(2026, 1, 7), "informeer_verzekeraar", CM,
             {"geldig_op": D(2026, 1, 7), "verzekeraar_id": "ver1", "melding": "start"}),
            (D(2026, 1, 12), "geef_triage_oordeel", BA,
             {"geldig_op": D(2026, 1, 12), "medische_oorzaak": True, "psychische_klachten": True,
              "medische_informatie_nodig": True, "toelichting": "CANARY-toelichting"}),
            (D(2026, 1, 14), "rapporteer_oordeel", BA,
             {"geldig_op": D(2026, 1, 14), "kan_werken": False, "toelichting": "nog niet"}),
            (D(2026, 1, 20), "registreer_toestemming", BA,
             {"geldig_op": D(2026, 1, 20), "toestemming_id": "t1", "behandelaar": "huisarts",
              "doel": "beloop"}),
            (D(2026, 1, 26), "leg_consult_vast", BA,
             {"geldig_op": D(2026, 1, 26), "verslag": "consult"}),
            (D(2026, 1, 30), "lever_probleemanalyse_op", BA,
             {"geldig_op": D(2026, 1, 30), "mogelijkheden": "licht werk", "beperkingen": "tillen",
              "advies": "opbouwen", "diagnose": "CANARY-diagnose"}),
            (D(2026, 2, 20), "stel_plan_van_aanpak_vast", WG,
             {"geldig_op": D(2026, 2, 20), "doel": "terug naar eigen werk",
              "afspraken": [{"wat": "opbouw", "wie": "wn", "uiterlijk": "2026-03-20"}],
              "financiele_gevolgen_uitgelegd": True}),
            (D(2026, 3, 10), "leg_voortgang_vast", CM,
             {"geldig_op": D(2026, 3, 10), "samenvatting": "geen opbouw", "stagnatie": True}),
            (D(2026, 3, 25), "registreer_herstel", WG, {"geldig_op": D(2026, 3, 16)}),
            (D(2026, 4, 1), "registreer_ziekmelding", WG,
             {"geldig_op": D(2026, 4, 1), "werknemer_id": "wn1", "werkgever_id": "acme"}),
            (D(2026, 4, 3), "verleng_loondoorbetaling", WG,
             {"geldig_op": D(2026, 4, 3), "reden": "vrijwillig", "weken": 4}),
        ]  # fmt: skip
        for vastgelegd, command, actor, fields in stappen:
            r = _op(p, did, vastgelegd, command, actor, **fields)
            assert r.dossier_id == did
        yield p.history(did)


def test_periodes_met_teruggedateerd_herstel_en_samentelling(historie):
    feiten = feiten_uit_historie(historie)
    assert feiten.periodes == ((D(2026, 1, 5), D(2026, 3, 16)), (D(2026, 4, 1), None))
    assert feiten.eerste_ziektedag == D(2026, 1, 5)
    assert feiten.hersteld_op is None


def test_stappen_oordelen_en_signalen(historie):
    feiten = feiten_uit_historie(historie)
    ziek, analyse = D(2026, 1, 5), D(2026, 1, 30)
    assert feiten.gedaan(Stap.ZIEKMELDING_UITGEVRAAGD) == (Uitvoering(ziek, "werkgever", ziek),)
    assert feiten.gedaan(Stap.DIGITALE_TRIAGE) == (Uitvoering(ziek, "systeem", ziek),)
    # the employer's system copy of the probleemanalyse and triage adds nothing
    assert feiten.gedaan(Stap.PROBLEEMANALYSE) == (Uitvoering(analyse, "bedrijfsarts", analyse),)
    triage = D(2026, 1, 12)
    assert feiten.gedaan(Stap.TRIAGE_OORDEEL) == (Uitvoering(triage, "bedrijfsarts", triage),)
    # the herstel is backdated: valid on 16 March, recorded on 25 March
    herstel = Uitvoering(D(2026, 3, 16), "werkgever", D(2026, 3, 25))
    assert feiten.gedaan(Stap.HERSTELMELDING) == (herstel,)
    assert feiten.gedaan(Stap.VERZEKERAAR_GEINFORMEERD)[0].rol == "casemanager"
    assert (feiten.medische_oorzaak, feiten.psychische_klachten) == (True, True)
    assert feiten.medische_informatie_nodig
    assert feiten.stagnatie_op == (D(2026, 3, 10),)
    # The employer's own record of continued pay moves nothing: only UWV's verlenging does.
    assert feiten.verlenging_weken == 0
    assert feiten.loonsanctie_tot is None


def test_kopie_van_de_werkgever_voor_het_origineel_telt_niet_dubbel(historie):
    # reactions (the employer's copies, by the system) first: the same facts come out
    kopie_eerst = sorted(historie, key=lambda fact: fact[1].causation_id is None)
    assert kopie_eerst != historie
    feiten = feiten_uit_historie(kopie_eerst)
    assert [u.rol for u in feiten.gedaan(Stap.PROBLEEMANALYSE)] == ["bedrijfsarts"]
    assert [u.rol for u in feiten.gedaan(Stap.TRIAGE_OORDEEL)] == ["bedrijfsarts"]
    assert feiten == feiten_uit_historie(historie)


def test_kalender_uit_de_historie(historie):
    feiten = feiten_uit_historie(historie)
    rijen = {v.code: v for v in kalender(feiten, D(2026, 4, 10))}
    gat = timedelta(days=16)  # herstel 16 March, relapse 1 April

    def gezien(code):
        return rijen[code].uiterlijk, rijen[code].status, rijen[code].gedaan_op

    assert gezien("verzekeraar_geinformeerd") == (D(2026, 1, 6), Status.TE_LAAT, D(2026, 1, 7))
    assert gezien("probleemanalyse_psychisch") == (D(2026, 2, 1), Status.OP_TIJD, D(2026, 1, 30))
    assert gezien("toestemming_medische_informatie")[1] == Status.TE_LAAT
    # two weeks after the probleemanalyse of 30 January, well before week 8
    assert gezien("plan_van_aanpak") == (D(2026, 2, 13), Status.TE_LAAT, D(2026, 2, 20))
    # due 28 sick days after the stagnation, the gap skipped
    assert gezien("bijstelling_stagnatie") == (D(2026, 4, 7) + gat, Status.OPEN, None)
    # the first working day after week 42 (Tuesday 10 November): Wednesday 11 November
    assert gezien("melding_42_weken")[0] == D(2026, 10, 25) + gat + timedelta(days=1)
    assert gezien("einde_wachttijd")[0] == D(2028, 1, 2) + gat
    assert gezien("herstelmelding")[1] == Status.OPEN


def test_geen_medische_inhoud_in_de_kalender(historie):
    tekst = repr(kalender(feiten_uit_historie(historie), D(2026, 4, 10)))
    assert "CANARY" not in tekst


def test_elk_event_type_is_bekend_bij_de_kalender():
    assert set(CONTRACTS) <= bekende_event_types()


def test_onbekend_event_type_verandert_niets(historie):
    class Onbekend:
        geldig_op = D(2026, 1, 6)
        timestamp = datetime(2026, 1, 6, 9, tzinfo=UTC)
        actor = {"rol": "werkgever"}
        data = {"stagnatie": True, "weken": 3}

    met_onbekend = feiten_uit_historie([*historie, ("werkgever", Onbekend())])
    assert met_onbekend == feiten_uit_historie(historie)
