"""Each fact is declared once, as its contract: the aggregates' event classes are made from the
contracts, keep the stored topics they always had, and refuse a fact they do not name."""

from datetime import date

import pytest
from eventsourcing.utils import get_topic, resolve_topic

from events import CONTRACTS, Actor, Rol
from events import werkgever as c
from services.catalog import SERVICES
from services.shared.aggregate import ChainedAggregate, registered
from services.werkgever.domainmodel import Dienstverband, Verzuimdossier

ACTOR = Actor(rol=Rol.WERKGEVER, persoon_id="hr1", organisatie="acme")
MELDING = c.ZiekmeldingGeregistreerd(geldig_op=date(2026, 1, 5), werknemer_id="w", werkgever_id="g")


def aggregates() -> list[type[ChainedAggregate]]:
    found, todo = [], list(ChainedAggregate.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls._feiten:
            found.append(cls)
    return found


def test_every_contract_is_recorded_by_an_aggregate_of_its_own_service():
    recorded = {contract for cls in aggregates() for contract in cls._feiten}
    services = {s.name for s in SERVICES}
    unrecorded = [
        name
        for name, contract in CONTRACTS.items()
        if contract.dienst in services and contract not in recorded
    ]
    assert unrecorded == []
    for cls in aggregates():
        owner = cls.__module__.split(".")[1]
        assert {k.dienst for k in cls._feiten} <= {owner, "gedeeld"}, cls


def test_the_event_classes_keep_their_stored_topics():
    for cls in aggregates():
        for contract, event_class in cls._feiten.items():
            topic = get_topic(event_class)
            assert topic == f"{cls.__module__}:{cls.__qualname__}.{contract.__name__}"
            assert resolve_topic(topic) is event_class and event_class.contract is contract


def test_a_fact_the_aggregate_does_not_name_is_refused():
    melding = c.ZiekmeldingGeregistreerd(
        geldig_op=date(2026, 1, 5), werknemer_id="w", werkgever_id="g"
    )
    dossier = Verzuimdossier.open(Verzuimdossier.create_id(), "d1", melding, ACTOR)
    koppeling = c.VerzuimdossierGekoppeld(geldig_op=date(2026, 1, 5), dossier_id="d1")
    with pytest.raises(TypeError, match="Verzuimdossier does not record VerzuimdossierGekoppeld"):
        dossier.record(koppeling, ACTOR)
    assert Dienstverband._feiten.keys() == {c.DienstverbandGeopend, c.VerzuimdossierGekoppeld}


def test_state_changes_dispatch_on_the_payload_type():
    melding = c.ZiekmeldingGeregistreerd(
        geldig_op=date(2026, 1, 5), werknemer_id="w", werkgever_id="g"
    )
    dossier = Verzuimdossier.open(Verzuimdossier.create_id(), "d1", melding, ACTOR)
    dossier.record(c.HerstelmeldingGeregistreerd(geldig_op=date(2026, 2, 1)), ACTOR)
    assert dossier.periodes == [[date(2026, 1, 5), date(2026, 2, 1)]]
    feit = dossier.collect_events()[-1]
    assert feit.payload == c.HerstelmeldingGeregistreerd(geldig_op=date(2026, 2, 1))
    assert c.HerstelmeldingGeregistreerd in registered(Verzuimdossier, "evolve")
    assert c.VoortgangVastgelegd not in registered(Verzuimdossier, "evolve")
