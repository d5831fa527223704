"""The bedrijfsarts' aggregates on their own: construct one, call its command methods, and check the
facts it collects and the state they leave, as the eventsourcing library's examples test theirs."""

from uuid import uuid4

import pytest

from events import Actor, Rol
from events import bedrijfsarts as c
from events.gedeeld import DossierGeopend
from services.bedrijfsarts.domainmodel import MedischDossier, Taakdelegatie
from services.shared.errors import DomainRuleViolated
from tests.services.helpers import BEDRIJFSARTS, WERKGEVER_ID, datum, soorten, vastgelegd_op

TOESTEMMING = {"toestemming_id": "t-1", "behandelaar": "huisarts"}


def geopend() -> MedischDossier:
    """The medical file of a dossier, opened on day 0."""
    opening = DossierGeopend(geldig_op=datum(0), werknemer_id="wn-1", werkgever_id=WERKGEVER_ID)
    with vastgelegd_op(0):
        return MedischDossier.open(uuid4(), "d-1", opening, BEDRIJFSARTS)


def verzoek(n: int) -> c.MedischeInformatieOpgevraagd:
    return c.MedischeInformatieOpgevraagd(geldig_op=datum(n), vraag="beloop", **TOESTEMMING)


def test_medical_information_is_asked_only_under_a_standing_consent():
    dossier = geopend()
    with vastgelegd_op(12):
        with pytest.raises(DomainRuleViolated, match="toestemming t-1 ontbreekt"):
            dossier.vraag_informatie_op(verzoek(10), BEDRIJFSARTS)
        toestemming = c.ToestemmingGegeven(geldig_op=datum(9), doel="belastbaarheid", **TOESTEMMING)
        dossier.record(toestemming, BEDRIJFSARTS)
        dossier.vraag_informatie_op(verzoek(10), BEDRIJFSARTS)
        dossier.trek_toestemming_in(
            c.ToestemmingIngetrokken(geldig_op=datum(11), toestemming_id="t-1"), BEDRIJFSARTS
        )
        with pytest.raises(DomainRuleViolated, match="ontbreekt"):
            dossier.vraag_informatie_op(verzoek(12), BEDRIJFSARTS)
        with pytest.raises(DomainRuleViolated, match="niet actief"):
            dossier.trek_toestemming_in(
                c.ToestemmingIngetrokken(geldig_op=datum(12), toestemming_id="t-1"), BEDRIJFSARTS
            )

    feiten = dossier.collect_events()
    assert soorten(feiten) == [
        "DossierGeopend",
        "ToestemmingGegeven",
        "MedischeInformatieOpgevraagd",
        "ToestemmingIngetrokken",
    ]
    assert all(e.classificatie == "medisch" for e in feiten[1:])
    assert dossier.toestemmingen == set()
    # Replayed up to the request, the facts leave the consent standing.
    kopie = None
    for feit in feiten[:3]:
        kopie = feit.mutate(kopie)
    assert kopie.toestemmingen == {"t-1"}


def delegatie(taken: list[str]) -> c.TaakdelegatieVerleend:
    return c.TaakdelegatieVerleend(
        geldig_op=datum(0),
        delegatie_id="del-1",
        gedelegeerde_id="cmtd-1",
        taken=taken,
        dossiers=["d-1"],
        tot=datum(365),
    )


def test_a_delegation_records_who_delegated_what_to_whom_until_when():
    with vastgelegd_op(0):
        verleend = Taakdelegatie.open(uuid4(), None, delegatie(["triage"]), BEDRIJFSARTS)

    assert verleend.bedrijfsarts_id == BEDRIJFSARTS.persoon_id
    assert (verleend.gedelegeerde_id, verleend.taken, verleend.dossiers) == (
        "cmtd-1",
        ["triage"],
        ["d-1"],
    )
    assert (verleend.van, verleend.tot, verleend.ingetrokken_op) == (datum(0), datum(365), None)
    (feit,) = verleend.collect_events()
    assert feit.mutate(None).taken == ["triage"]


def test_only_the_delegating_bedrijfsarts_revokes_a_delegation_and_only_once():
    with vastgelegd_op(0):
        verleend = Taakdelegatie.open(uuid4(), None, delegatie(["triage"]), BEDRIJFSARTS)
    verleend.collect_events()
    ander = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba-2", organisatie="arbodienst")
    intrekking = c.TaakdelegatieIngetrokken(geldig_op=datum(30), delegatie_id="del-1")
    with vastgelegd_op(30):
        with pytest.raises(DomainRuleViolated, match="alleen de bedrijfsarts die delegeerde"):
            verleend.trek_in(intrekking, ander)
        verleend.trek_in(intrekking, BEDRIJFSARTS)
        with pytest.raises(DomainRuleViolated, match="al ingetrokken"):
            verleend.trek_in(intrekking, BEDRIJFSARTS)

    (ingetrokken,) = verleend.collect_events()
    assert type(ingetrokken).__name__ == "TaakdelegatieIngetrokken"
    assert verleend.ingetrokken_op == datum(30)


def test_a_judgement_cannot_be_delegated():
    with pytest.raises(ValueError, match="niet delegeerbaar: oordeel"):
        delegatie(["triage", "oordeel"])
