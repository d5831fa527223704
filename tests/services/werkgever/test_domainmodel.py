"""The werkgever's aggregates on their own: construct one, call its command methods, and check the
facts it collects and the state they leave, as the eventsourcing library's examples test theirs."""

from uuid import uuid4

import pytest

from events import werkgever as c
from services.shared.chain import GENESIS, hash_of
from services.shared.errors import DomainRuleViolated
from services.werkgever.domainmodel import Dienstverband, Verzuimdossier, besluit_over_ziekmelding
from tests.services.helpers import WERKGEVER, WERKGEVER_ID, datum, soorten, vastgelegd_op

AFSPRAAK = {"wat": "halve dagen eigen werk", "wie": "werknemer", "uiterlijk": datum(70)}


def melding(n: int = 0) -> c.ZiekmeldingGeregistreerd:
    return c.ZiekmeldingGeregistreerd(
        geldig_op=datum(n), werknemer_id="wn-1", werkgever_id=WERKGEVER_ID
    )


def herstel(n: int) -> c.HerstelmeldingGeregistreerd:
    return c.HerstelmeldingGeregistreerd(geldig_op=datum(n))


def plan(n: int) -> c.PlanVanAanpakVastgesteld:
    return c.PlanVanAanpakVastgesteld(
        geldig_op=datum(n), doel="terug", afspraken=[AFSPRAAK], financiele_gevolgen_uitgelegd=True
    )


def gemeld() -> Verzuimdossier:
    """A dossier opened by its ziekmelding on day 0, its opening fact already collected."""
    with vastgelegd_op(0):
        dossier = Verzuimdossier.open(uuid4(), "d-1", melding(), WERKGEVER)
    dossier.collect_events()
    return dossier


def test_a_ziekmelding_opens_a_period_with_its_first_fact():
    with vastgelegd_op(0):
        dossier = Verzuimdossier.open(uuid4(), "d-1", melding(), WERKGEVER)

    assert dossier.dossier_id == "d-1"
    assert (dossier.werknemer_id, dossier.werkgever_id) == ("wn-1", WERKGEVER_ID)
    assert dossier.is_open and dossier.eerste_ziektedag == datum(0)
    (geopend,) = dossier.collect_events()
    assert type(geopend).__name__ == "ZiekmeldingGeregistreerd"
    assert geopend.geldig_op == datum(0) and geopend.data["werknemer_id"] == "wn-1"
    assert geopend.actor == WERKGEVER.model_dump(mode="json")
    assert geopend.prev_hash == GENESIS and geopend.hash == hash_of(geopend) == dossier.chain_head
    # The opening fact alone rebuilds the aggregate.
    kopie = geopend.mutate(None)
    assert (kopie.id, kopie.periodes, kopie.chain_head) == (
        dossier.id,
        dossier.periodes,
        dossier.chain_head,
    )


def test_herstel_closes_the_period_once_and_never_before_it_began():
    dossier = gemeld()
    with vastgelegd_op(12):
        with pytest.raises(DomainRuleViolated, match="voor de ziekmelding"):
            dossier.meld_herstel(herstel(-1), WERKGEVER)
        dossier.meld_herstel(herstel(10), WERKGEVER)
        with pytest.raises(DomainRuleViolated, match="al hersteld"):
            dossier.meld_herstel(herstel(12), WERKGEVER)
        with pytest.raises(DomainRuleViolated, match="hersteld per"):
            dossier.wijzig_percentage(
                c.VerzuimpercentageGewijzigd(geldig_op=datum(12), verzuimpercentage=50), WERKGEVER
            )

    (hersteld,) = dossier.collect_events()  # the refusals collected nothing
    assert type(hersteld).__name__ == "HerstelmeldingGeregistreerd"
    assert not dossier.is_open and dossier.hersteld_op == datum(10)


def test_a_relapse_continues_the_period_as_a_spell_of_its_own():
    dossier = gemeld()
    with vastgelegd_op(20):
        dossier.meld_herstel(herstel(10), WERKGEVER)
        dossier.meld_opnieuw_ziek(melding(20), WERKGEVER)

    hersteld, samengeteld = dossier.collect_events()
    assert type(samengeteld).__name__ == "ZiekmeldingSamengeteld"
    assert samengeteld.data["vorige_hersteldatum"] == datum(10).isoformat()
    assert samengeteld.prev_hash == hersteld.hash
    assert dossier.periodes == [[datum(0), datum(10)], [datum(20), None]]
    assert dossier.is_open and dossier.eerste_ziektedag == datum(0)


@pytest.mark.parametrize(
    ("dagen_na_herstel", "besluit"), [(0, "samentellen"), (27, "samentellen"), (28, "nieuw")]
)
def test_a_ziekmelding_within_four_weeks_of_herstel_is_counted_together(dagen_na_herstel, besluit):
    dossier = gemeld()
    with vastgelegd_op(10):
        dossier.meld_herstel(herstel(10), WERKGEVER)
    assert besluit_over_ziekmelding(melding(10 + dagen_na_herstel), dossier) == besluit
    assert besluit_over_ziekmelding(melding(40), None) == "nieuw"  # no earlier dossier


def test_a_ziekmelding_is_refused_while_one_is_open_or_before_the_herstel():
    dossier = gemeld()
    with pytest.raises(DomainRuleViolated, match="er loopt al een ziekmelding"):
        besluit_over_ziekmelding(melding(3), dossier)
    with vastgelegd_op(10):
        dossier.meld_herstel(herstel(10), WERKGEVER)
    with pytest.raises(DomainRuleViolated, match="ligt voor het herstel"):
        besluit_over_ziekmelding(melding(9), dossier)


def test_a_plan_van_aanpak_follows_the_probleemanalyse_and_is_revised_only_once_it_exists():
    dossier = gemeld()
    bijstelling = c.PlanVanAanpakBijgesteld(geldig_op=datum(60), reden="x", afspraken=[AFSPRAAK])
    with vastgelegd_op(60):
        with pytest.raises(DomainRuleViolated, match="eerst een probleemanalyse"):
            dossier.stel_plan_van_aanpak_vast(plan(49), WERKGEVER)
        with pytest.raises(DomainRuleViolated, match="nog geen plan van aanpak"):
            dossier.stel_plan_van_aanpak_bij(bijstelling, WERKGEVER)
        # The service records the functional part of the bedrijfsarts' analysis as a reaction.
        analyse = {"mogelijkheden": "licht werk", "beperkingen": "niet tillen", "advies": "opbouw"}
        dossier.record(c.ProbleemanalyseOntvangen(geldig_op=datum(35), **analyse), WERKGEVER)
        with pytest.raises(DomainRuleViolated, match="eerste ziektedag"):
            dossier.stel_plan_van_aanpak_vast(plan(-1), WERKGEVER)
        dossier.stel_plan_van_aanpak_vast(plan(49), WERKGEVER)
        dossier.stel_plan_van_aanpak_bij(bijstelling, WERKGEVER)

    types = soorten(dossier.collect_events())
    assert types == [
        "ProbleemanalyseOntvangen",
        "PlanVanAanpakVastgesteld",
        "PlanVanAanpakBijgesteld",
    ]
    assert dossier.heeft_probleemanalyse and dossier.heeft_plan_van_aanpak


def test_without_a_medical_cause_a_plan_van_aanpak_needs_no_probleemanalyse():
    dossier = gemeld()
    with vastgelegd_op(49):
        uitkomst = c.TriageUitkomstOntvangen(geldig_op=datum(7), medische_oorzaak=False)
        dossier.record(uitkomst, WERKGEVER)
        dossier.stel_plan_van_aanpak_vast(plan(49), WERKGEVER)
    assert dossier.niet_medisch and dossier.heeft_plan_van_aanpak


def test_a_dossier_records_only_the_facts_it_declares():
    dossier = gemeld()
    with vastgelegd_op(1), pytest.raises(TypeError, match="does not record"):
        dossier.record(
            c.DienstverbandGeopend(geldig_op=datum(1), werknemer_id="wn-1", werkgever_id="x"),
            WERKGEVER,
        )
    assert dossier.collect_events() == []


def test_an_employment_points_at_its_current_dossier():
    geopend = c.DienstverbandGeopend(geldig_op=datum(0), werknemer_id="wn-1", werkgever_id="x")
    with vastgelegd_op(0):
        dienstverband = Dienstverband.open(uuid4(), None, geopend, WERKGEVER)
        assert dienstverband.huidig_dossier is None
        koppeling = c.VerzuimdossierGekoppeld(geldig_op=datum(0), dossier_id="d-1")
        dienstverband.record(koppeling, WERKGEVER)

    assert dienstverband.huidig_dossier == "d-1"
    opening, gekoppeld = dienstverband.collect_events()
    kopie = gekoppeld.mutate(opening.mutate(None))
    assert kopie.huidig_dossier == "d-1" and kopie.version == dienstverband.version == 2
