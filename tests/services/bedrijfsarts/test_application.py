"""The bedrijfsarts application on its own: construct it, call its commands, read back what it
stored, and let it follow the werkgever, as the eventsourcing library's examples test theirs."""

import pytest

from events import Actor, Rol
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.shared.application import event_id
from services.shared.errors import DomainRuleViolated
from services.werkgever.application import WerkgeverApplication
from tests.services.helpers import BEDRIJFSARTS, datum, dossier, standalone, volg

DIAGNOSE = "CANARY-diagnose-rugklachten"


@pytest.fixture
def diensten(tmp_path) -> tuple[WerkgeverApplication, BedrijfsartsApplication]:
    return standalone(WerkgeverApplication, tmp_path), standalone(BedrijfsartsApplication, tmp_path)


def test_a_ziekmelding_opens_the_medical_file_once(diensten):
    werkgever, bedrijfsarts = diensten
    (ziekmelding,) = dossier(werkgever).doe("ziekmelding").events
    volg(bedrijfsarts, werkgever)
    volg(bedrijfsarts, werkgever)  # a second look finds nothing new

    (geopend,) = bedrijfsarts.history(ziekmelding.dossier_id)
    assert type(geopend).__name__ == "DossierGeopend"
    assert geopend.causation_id == event_id(ziekmelding)
    assert geopend.correlation_id == ziekmelding.correlation_id
    assert geopend.actor["rol"] == "systeem"
    assert geopend.data == {"werknemer_id": "wn-1", "werkgever_id": "acme"}


def test_a_probleemanalyse_is_kept_as_a_functional_and_a_sealed_medical_fact(diensten):
    werkgever, bedrijfsarts = diensten
    dossier_id = dossier(werkgever).doe("ziekmelding").dossier_id
    volg(bedrijfsarts, werkgever)

    analyse = dossier(bedrijfsarts, dossier_id=dossier_id).doe("probleemanalyse", diagnose=DIAGNOSE)
    functioneel, medisch = analyse.events
    assert (functioneel.classificatie, medisch.classificatie) == ("functioneel", "medisch")
    assert "diagnose" not in functioneel.data and medisch.data["diagnose"] == DIAGNOSE
    gelezen = bedrijfsarts.history(dossier_id)[-2:]
    assert [e.hash for e in gelezen] == [functioneel.hash, medisch.hash]
    # At rest the medical service's facts are encrypted, the diagnosis with them.
    opgeslagen = b"".join(s.state for s in bedrijfsarts.stored_dossier_events(dossier_id))
    assert DIAGNOSE.encode() not in opgeslagen and b"mogelijkheden" not in opgeslagen


def test_a_delegation_is_granted_once_read_back_and_revoked_by_its_bedrijfsarts(diensten):
    _, bedrijfsarts = diensten
    verlening = {
        "geldig_op": datum(0).isoformat(),
        "delegatie_id": "del-1",
        "gedelegeerde_id": "cmtd-1",
        "taken": ["triage", "werknemer_oproepen"],
        "tot": datum(365).isoformat(),
    }
    bedrijfsarts.execute("verleen_taakdelegatie", BEDRIJFSARTS, None, verlening)
    with pytest.raises(DomainRuleViolated, match="del-1 bestaat al"):
        bedrijfsarts.execute("verleen_taakdelegatie", BEDRIJFSARTS, None, verlening)
    delegatie = bedrijfsarts.delegatie("del-1")
    assert (delegatie.gedelegeerde_id, delegatie.taken) == (
        "cmtd-1",
        ["triage", "werknemer_oproepen"],
    )
    assert delegatie.dossiers is None  # the bedrijfsarts' whole caseload

    intrekking = {"geldig_op": datum(30).isoformat(), "delegatie_id": "del-1"}
    ander = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba-2", organisatie="arbodienst")
    with pytest.raises(DomainRuleViolated, match="alleen de bedrijfsarts die delegeerde"):
        bedrijfsarts.execute("trek_taakdelegatie_in", ander, None, intrekking)
    bedrijfsarts.execute("trek_taakdelegatie_in", BEDRIJFSARTS, None, intrekking)
    assert bedrijfsarts.delegatie("del-1").ingetrokken_op == datum(30)
