"""The werkgever application on its own: construct it, call its commands, read back what it stored,
and let it react to the bedrijfsarts, as the eventsourcing library's examples test theirs."""

import pytest

from events import ContractViolation
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.shared.application import event_id
from services.shared.errors import DomainRuleViolated, DossierNotFound, UnknownCommand
from services.werkgever.application import WerkgeverApplication
from tests.services.helpers import (
    WERKGEVER,
    WERKGEVER_ID,
    datum,
    dossier,
    soorten,
    standalone,
    volg,
)


@pytest.fixture
def werkgever(tmp_path) -> WerkgeverApplication:
    return standalone(WerkgeverApplication, tmp_path)


def gekoppeld(app: WerkgeverApplication, werknemer_id: str = "wn-1") -> str:
    """The dossier the employment points at now."""
    return app.repository.get(app.dienstverband_key(WERKGEVER_ID, werknemer_id)).huidig_dossier


def test_a_ziekmelding_opens_a_dossier_that_the_employment_points_at(werkgever):
    result = dossier(werkgever).doe("ziekmelding")

    assert soorten(result.events) == ["ZiekmeldingGeregistreerd"]
    assert soorten(werkgever.history(result.dossier_id)) == ["ZiekmeldingGeregistreerd"]
    assert gekoppeld(werkgever) == result.dossier_id
    # The employment's own facts are in the notification log too, after the ziekmelding.
    log = werkgever.notification_log.select(start=1, limit=10)
    assert [n.topic.rsplit(".", 1)[-1] for n in log] == [
        "ZiekmeldingGeregistreerd",
        "DienstverbandGeopend",
        "VerzuimdossierGekoppeld",
    ]


def test_one_employment_has_one_open_dossier_and_relapses_count_together(werkgever):
    eerste = dossier(werkgever, duur_dagen=10)
    eerste.doe("ziekmelding")
    stored = werkgever.position()
    with pytest.raises(DomainRuleViolated, match="er loopt al een ziekmelding"):
        dossier(werkgever).doe("ziekmelding", datum(3))
    assert werkgever.position() == stored

    eerste.doe("herstel_1")
    terugval = dossier(werkgever).doe("ziekmelding", datum(20))
    assert terugval.dossier_id == eerste.dossier_id
    assert soorten(terugval.events) == ["ZiekmeldingSamengeteld"]
    eerste.doe("herstel_1", datum(30))
    nieuw = dossier(werkgever).doe("ziekmelding", datum(58))
    assert nieuw.dossier_id != eerste.dossier_id
    assert gekoppeld(werkgever) == nieuw.dossier_id
    assert soorten(werkgever.history(eerste.dossier_id)) == [
        "ZiekmeldingGeregistreerd",
        "HerstelmeldingGeregistreerd",
        "ZiekmeldingSamengeteld",
        "HerstelmeldingGeregistreerd",
    ]


def test_the_employer_receives_only_the_functional_part_of_the_probleemanalyse(werkgever, tmp_path):
    bedrijfsarts = standalone(BedrijfsartsApplication, tmp_path)
    verzuim = dossier(werkgever)
    verzuim.doe("ziekmelding")
    with pytest.raises(DomainRuleViolated, match="eerst een probleemanalyse"):
        verzuim.doe("plan_van_aanpak")

    volg(bedrijfsarts, werkgever)  # the bedrijfsarts' part of the dossier opens
    analyse = dossier(bedrijfsarts, dossier_id=verzuim.dossier_id)
    functioneel, _ = analyse.doe("probleemanalyse", diagnose="CANARY-diagnose").events
    volg(werkgever, bedrijfsarts)

    ontvangen = werkgever.history(verzuim.dossier_id)[-1]
    assert type(ontvangen).__name__ == "ProbleemanalyseOntvangen"
    assert ontvangen.data == functioneel.data
    assert ontvangen.causation_id == event_id(functioneel)
    assert "CANARY-diagnose" not in str(werkgever.history(verzuim.dossier_id))
    verzuim.doe("plan_van_aanpak")  # now that the analysis is there
    assert soorten(werkgever.history(verzuim.dossier_id))[-1] == "PlanVanAanpakVastgesteld"


def test_commands_are_found_by_name_validated_and_aimed_at_a_dossier(werkgever):
    with pytest.raises(UnknownCommand, match="lever_probleemanalyse_op"):
        werkgever.execute("lever_probleemanalyse_op", WERKGEVER, "d-1", {})
    with pytest.raises(ContractViolation, match="diagnose"):
        dossier(werkgever).doe("ziekmelding", diagnose="griep")
    herstel = {"geldig_op": datum(5).isoformat()}
    with pytest.raises(DossierNotFound, match="heeft een dossier nodig"):
        werkgever.execute("registreer_herstel", WERKGEVER, None, herstel)
    with pytest.raises(DossierNotFound, match="bestaat niet"):
        werkgever.execute("registreer_herstel", WERKGEVER, "geen-dossier", herstel)
    assert werkgever.position() == 0
