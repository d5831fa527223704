"""Inbound messages: from a Kafka topic to one command of the service that owns it.

Checks in order, each cheaper than the next and none touching the store before it passes: the
size (before anything is parsed), the sender's signed token (the gateway's own verification),
JSON, the published message schema, and the policy (may this sender report for this employer).
Then the message id is looked up among the applied ones, and the command runs with a tracking
record for that id in the same transaction as its events, so a redelivery is applied once.
Whatever fails a check raises `Afgewezen` with a reason code and goes to the DLQ at once; any
other failure (the store is away) is retried a few times first (`distributed.dlq`).
"""

import functools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage
from pydantic import BaseModel, TypeAdapter, ValidationError

from distributed import dlq
from distributed.integrations import UWV, VERZUIMMELDINGEN
from events import Actor, ContractViolation, violation
from events import integraties as m
from gateway.auth import AuthError, TokenVerifier
from policies.engine import EmbeddedEngine
from services.shared.application import ServiceApplication
from services.shared.errors import CommandRejected

MAX_BYTES = 64 * 1024  # far above any real melding; checked before the body is parsed
TOKEN_HEADER = "authorization"  # "Bearer <jwt>", as the gateway expects it
POLICY = "wvp.integraties.result"

# Reason codes in the DLQ header `wvp_dlq_reason`.
TE_GROOT = "te_groot"
NIET_GEAUTHENTICEERD = "niet_geauthenticeerd"
GEEN_JSON = "geen_json"
SCHEMA = "schema"
NIET_TOEGESTAAN = "niet_toegestaan"
NIET_ONDERSTEUND = "niet_ondersteund"
AFGEWEZEN = "afgewezen"  # valid and allowed, but the domain refused the command


class Afgewezen(dlq.DeadLetter):
    """A message that fails a check: refused, with the check's reason code."""


@dataclass(frozen=True)
class Opdracht:
    command: str
    dossier_id: str | None
    fields: dict[str, Any]


@dataclass(frozen=True)
class Kanaal:
    naam: str  # as the policy knows it (`input.kanaal`)
    topic: str
    service: str  # whose commands the messages become
    schema: str  # the published message schema, events/schemas/<schema>.json
    werkgever: Callable[[ServiceApplication, Any], str | None]
    opdracht: Callable[[ServiceApplication, Any], Opdracht]

    @property
    def bericht(self) -> TypeAdapter:
        return m.BERICHTEN[self.schema]


def _velden(bericht: BaseModel, *zonder: str) -> dict[str, Any]:
    return bericht.model_dump(mode="json", exclude={"bericht_id", "soort", *zonder})


def _huidig_dossier(app: ServiceApplication, werkgever_id: str, werknemer_id: str) -> str:
    key = app.dienstverband_key(werkgever_id, werknemer_id)
    dossier_id = app.repository.get(key).huidig_dossier if app.exists(key) else None
    if dossier_id is None:
        raise Afgewezen(
            AFGEWEZEN, f"geen verzuimdossier van werknemer {werknemer_id} bij {werkgever_id}"
        )
    return dossier_id


def _reden(bericht: Any, over: str) -> str:
    return bericht.reden or f"{bericht.soort} van bericht {over} (bericht {bericht.bericht_id})"


def _correctie(dossier_id: str, bericht: m.Correctie) -> Opdracht:
    reden = _reden(bericht, bericht.gecorrigeerd_bericht_id)
    if bericht.eerste_ziektedag is not None:
        fields = {"geldig_op": bericht.eerste_ziektedag.isoformat(), "reden": reden}
        return Opdracht("corrigeer_eerste_ziektedag", dossier_id, fields)
    if bericht.hersteld_op is not None:
        fields = {"geldig_op": bericht.hersteld_op.isoformat(), "reden": reden}
        return Opdracht("corrigeer_herstel", dossier_id, fields)
    fields = {"geldig_op": bericht.geldig_op.isoformat()}
    return Opdracht(
        "wijzig_verzuimpercentage",
        dossier_id,
        fields | {"verzuimpercentage": bericht.verzuimpercentage},
    )


def _verzuim_opdracht(app: ServiceApplication, bericht: Any) -> Opdracht:
    if isinstance(bericht, m.Intrekking) and bericht.ingetrokken_soort != "ziekmelding":
        # Recorded facts are never rewritten; a wrong herstel or percentage is corrected.
        raise Afgewezen(
            NIET_ONDERSTEUND,
            f"een {bericht.ingetrokken_soort} wordt niet ingetrokken maar gecorrigeerd: "
            "stuur een correctie met de juiste stand",
        )
    if isinstance(bericht, m.Ziekmelding):
        return Opdracht("registreer_ziekmelding", None, _velden(bericht))
    dossier_id = _huidig_dossier(app, bericht.werkgever_id, bericht.werknemer_id)
    if isinstance(bericht, m.Correctie):
        return _correctie(dossier_id, bericht)
    if isinstance(bericht, m.Intrekking):
        fields = {
            "geldig_op": bericht.geldig_op.isoformat(),
            "reden": _reden(bericht, bericht.ingetrokken_bericht_id),
        }
        return Opdracht("trek_ziekmelding_in", dossier_id, fields)
    fields = _velden(bericht, "werkgever_id", "werknemer_id")
    if isinstance(bericht, m.Wijziging):
        return Opdracht("wijzig_verzuimpercentage", dossier_id, fields)
    return Opdracht("registreer_herstel", dossier_id, fields)


UWV_COMMANDOS = {
    "ontvangstbevestiging": "registreer_ontvangstbevestiging",
    "wia_uitnodiging": "registreer_wia_uitnodiging",
    "riv_toets": "registreer_riv_toets",
    "wia_beslissing": "registreer_wia_besluit",
    "deskundigenoordeel": "registreer_deskundigenoordeel",
    "verlenging": "verleng_wachttijd",
    "bekorting": "bekort_loonsanctie",
}


def _uwv_werkgever(app: ServiceApplication, bericht: Any) -> str | None:
    """The employer of the dossier UWV answers about, from its opening fact (None if unknown:
    the command then refuses the unknown dossier)."""
    opening = list(app.events.get(app.dossier_key(bericht.dossier_id), limit=1))
    return opening[0].data["werkgever_id"] if opening else None


def _uwv_opdracht(app: ServiceApplication, bericht: Any) -> Opdracht:
    command = UWV_COMMANDOS[bericht.soort]
    return Opdracht(command, bericht.dossier_id, _velden(bericht, "dossier_id"))


KANALEN = (
    Kanaal(
        "verzuimmeldingen",
        VERZUIMMELDINGEN,
        "werkgever",
        "Verzuimmelding",
        lambda _app, bericht: bericht.werkgever_id,
        _verzuim_opdracht,
    ),
    Kanaal("uwv", UWV, "uwv_submission", "UwvBericht", _uwv_werkgever, _uwv_opdracht),
)


def kanalen(service: str) -> list[Kanaal]:
    return [k for k in KANALEN if k.service == service]


class Inbound:
    def __init__(
        self,
        app: ServiceApplication,
        kanaal: Kanaal,
        verifier: TokenVerifier,
        policy: EmbeddedEngine,
        max_bytes: int = MAX_BYTES,
    ):
        self.app = app
        self.kanaal = kanaal
        self.verifier = verifier
        self.policy = policy
        self.max_bytes = max_bytes

    def apply(self, body: bytes, headers: dict[str, str]) -> bool:
        """Apply one message; False when it was applied before. Raises `Afgewezen`."""
        if len(body) > self.max_bytes:
            raise Afgewezen(TE_GROOT, f"{len(body)} bytes; de grens is {self.max_bytes}")
        try:
            afzender = self.verifier.actor_from_header(headers.get(TOKEN_HEADER))
        except AuthError as e:
            raise Afgewezen(NIET_GEAUTHENTICEERD, str(e)) from None
        try:
            data = json.loads(body)
        except ValueError:  # also a body that is not UTF-8
            raise Afgewezen(GEEN_JSON, "het bericht is geen JSON") from None
        try:
            bericht = self.kanaal.bericht.validate_python(data)
        except ValidationError as e:
            raise Afgewezen(SCHEMA, str(violation(self.kanaal.naam, e))) from None
        self._vereis_toestemming(afzender, self.kanaal.werkgever(self.app, bericht))
        # One tracking record per message: a bericht_id is unique per sending organisation.
        applied = f"inbound:{self.kanaal.naam}:{afzender.organisatie}:{bericht.bericht_id}"
        tracking = Tracking(applied, 1)
        if self.app.recorder.has_tracking_id(applied, 1):
            return False
        opdracht = self.kanaal.opdracht(self.app, bericht)
        try:
            self.app.execute_once(
                tracking, opdracht.command, afzender, opdracht.dossier_id, opdracht.fields
            )
        except IntegrityError:
            return False  # another delivery of the same message won the race
        except (CommandRejected, ContractViolation) as e:
            raise Afgewezen(AFGEWEZEN, str(e)) from None
        return True

    def _vereis_toestemming(self, afzender: Actor, werkgever_id: str | None) -> None:
        verzoek = {
            "kanaal": self.kanaal.naam,
            "afzender": afzender.model_dump(mode="json"),
            "werkgever_id": werkgever_id,
        }
        besluit = self.policy.evaluate(POLICY, verzoek)
        if not besluit["allowed"]:
            raise Afgewezen(NIET_TOEGESTAAN, "; ".join(besluit["reasons"]))


Apply = Callable[[bytes, dict[str, str]], Awaitable[bool]]


def title(kanaal: Kanaal) -> str:
    """The subscriber's name in the AsyncAPI document."""
    return f"{kanaal.service} ontvangt {kanaal.naam}"


def subscribe(broker: KafkaBroker, kanaal: Kanaal, apply: Apply, retries: dlq.Retries) -> None:
    """A group subscriber (group = the service's name and the channel) on the channel's topic.
    `apply` runs `Inbound.apply` on the service's worker thread. A refused message goes to the
    DLQ at once, one that fails otherwise (the store is away) after `retries`; either way its
    offset is committed, so the consumer moves on."""

    async def handle(msg: KafkaMessage) -> None:
        # The raw bytes: the size is checked before anything parses them.
        applying = functools.partial(apply, msg.body, dict(msg.headers))
        await dlq.guarded(broker, kanaal.service, msg, applying, retries)

    handle.__name__ = f"{kanaal.service}_{kanaal.naam}"
    broker.subscriber(
        kanaal.topic,
        group_id=f"{kanaal.service}.{kanaal.naam}",
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        parser=dlq.lenient_headers,
        title=title(kanaal),
        description=(
            f"Berichten volgens events/schemas/{kanaal.schema}.json, met het token van de "
            f"afzender in de kopregel '{TOKEN_HEADER}' (Bearer JWT). Elk geldig, toegestaan "
            f"bericht wordt een commando van {kanaal.service}, eenmaal per bericht_id; de rest "
            "gaat met reden naar wvp.dlq."
        ),
    )(handle)
