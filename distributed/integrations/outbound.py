"""Outbound: the employer's insurer learns when an absence starts, changes and ends.

A second relay over werkgever's notification log, reading only the four absence facts, and
publishing each as a `VerzekeraarMelding` (events/schemas/VerzekeraarMelding.json). The message
is built field by field from the fact: nothing else of the fact (phone number, address, tasks,
agreements) and nothing from other facts leaves, whatever they contain. Its position is a
tracking record (`kafka-verzekeraar`) in werkgever's own store, so it is at least once, like the
service relay; `bericht_id` (the fact's id) lets the insurer drop a repeat.
"""

from typing import Any

from eventsourcing.utils import get_topic
from faststream.kafka import KafkaBroker

from distributed import codec
from distributed.integrations import VERZEKERAAR
from distributed.relay import LogRelay
from events.integraties import VerzekeraarMelding
from services.shared.application import ServiceApplication, event_id
from services.werkgever.domainmodel import Verzuimdossier

SERVICE = "werkgever"  # whose facts the insurer receives
POSITION = "kafka-verzekeraar"
STREAM = "verzekeraar"
SOORT = {
    Verzuimdossier.ZiekmeldingGeregistreerd: "ziekmelding",
    Verzuimdossier.ZiekmeldingSamengeteld: "ziekmelding",
    Verzuimdossier.VerzuimpercentageGewijzigd: "wijziging",
    Verzuimdossier.HerstelmeldingGeregistreerd: "herstelmelding",
}


def melding(event: Any, dossier: Verzuimdossier) -> VerzekeraarMelding:
    data = event.data
    return VerzekeraarMelding(
        bericht_id=event_id(event),
        soort=SOORT[type(event)],
        dossier_id=event.dossier_id,
        werkgever_id=dossier.werkgever_id,
        werknemer_id=dossier.werknemer_id,
        geldig_op=event.geldig_op,
        verzuimpercentage=data.get("verzuimpercentage"),
        verwachte_duur_dagen=data.get("verwachte_duur_dagen"),
        samengeteld=isinstance(event, Verzuimdossier.ZiekmeldingSamengeteld),
    )


class VerzekeraarRelay(LogRelay):
    position_name = POSITION

    def __init__(self, app: ServiceApplication, batch: int = 200):
        super().__init__(app, batch)
        self.topics = [get_topic(cls) for cls in SOORT]

    def pending(self) -> list[codec.Message]:
        notifications = self.app.recorder.select_notifications(
            self.position(), self.batch, topics=self.topics, inclusive_of_start=False
        )
        dossiers: dict[str, Verzuimdossier] = {}
        messages = []
        for n in notifications:
            event = self.app.mapper.to_domain_event(n)
            if event.dossier_id not in dossiers:  # werkgever and werknemer never change
                dossiers[event.dossier_id] = self.app.repository.get(event.originator_id)
            body = melding(event, dossiers[event.dossier_id]).model_dump_json().encode()
            headers = codec.cloudevent_headers(self.app.name, event, "nl.wvp.VerzekeraarMelding.v1")
            key = event.dossier_id.encode()
            messages.append(codec.Message(VERZEKERAAR, key, body, headers, n.id, STREAM))
        return messages


def declare(broker: KafkaBroker) -> None:
    """The insurer's topic as a publisher of the broker, so the AsyncAPI document lists it."""
    broker.publisher(
        VERZEKERAAR,
        title=VERZEKERAAR,
        description=(
            "Verzuimfeiten voor de verzuimverzekeraar van de werkgever: begin, wijziging van het "
            "percentage en herstel. Alleen administratief; sleutel = dossier_id, CloudEvents-"
            "kopregels zoals de servicetopics."
        ),
        schema=VerzekeraarMelding,
    )
