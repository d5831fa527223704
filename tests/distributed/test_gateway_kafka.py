"""The GraphQL gateway as its own process over Kafka (`wvp gateway`): the canonical 104-week dossier
driven through GraphQL over HTTP, five services and the gateway each a process of their own, reads
the same for every party as the same script through the embedded gateway; nothing medical for
the werkgever."""

import json
import types
import typing
from datetime import UTC, datetime
from datetime import time as daytime
from enum import Enum
from typing import Any

import httpx
import pytest
from pydantic import BaseModel
from starlette.testclient import TestClient

from distributed import topology
from events import Actor
from gateway.app import create_app
from gateway.auth import mint_token
from gateway.schema import _mutation_name
from gateway.settings import GatewaySettings
from services.catalog import COMMANDS
from services.shared import clock
from services.shared.aggregate import aggregate_id
from services.shared.commands import CommandResult
from wvp.runtime import running
from wvp.scenario import canonical_case, plan_stappen, voer_uit

SECRET = "test-secret-for-the-kafka-gateway-0123456789"
MEDICAL_CANARIES = ("Overspanning", "Zes sessies cognitieve gedragstherapie")
PARTIES = (
    "hr",
    "casemanager",
    "werknemer",
    "bedrijfsarts",
    "cmtd",
    "arbeidsdeskundige",
    "provider",
    "uwv",
)
DOSSIER = """query($id: ID!, $peildatum: Date!) { dossier(id: $id) {
  status eersteZiektedag hersteldOp classificaties
  timeline { id type service classificatie geldigOp recordedAt payload
             actor { rol persoonId organisatie } }
  documenten {
    probleemanalyses { geldigOp mogelijkheden beperkingen advies }
    medischeProbleemanalyses { geldigOp diagnose behandeling }
    planVanAanpak { geldigOp doel financieleGevolgenUitgelegd }
    evaluaties { soort geldigOp conclusie }
    riv { aanwezig ontbrekend samengesteld }
  }
  deelnemers { rol persoonId organisatie sinds }
  kalender(peildatum: $peildatum) { code status uiterlijk gedaanOp classificatie achterstallig }
} }"""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def graphql_value(annotation: Any, value: Any) -> Any:
    """A command field as a GraphQL variable: camelCase keys, enum members by name."""
    origin = typing.get_origin(annotation)
    if value is None:
        return None
    if origin is typing.Annotated:
        return graphql_value(typing.get_args(annotation)[0], value)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return graphql_value(inner, value)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [graphql_value(item, v) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation(value).name
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {
            _camel(k): graphql_value(annotation.model_fields[k].annotation, v)
            for k, v in value.items()
        }
    return value


class GraphQLDriver:
    """`execute` as the scenario calls it, sent as the command's mutation with a token for the
    acting party; the request carries the scenario's clock (honoured by the Kafka gateway under
    WVP_SIMULATED_CLOCK; the embedded one shares this process's clock)."""

    def __init__(self, client: Any, url: str = ""):
        self.client = client
        self.url = f"{url}/graphql"
        self.settings = GatewaySettings(jwt_secret=SECRET)
        self.answers: list[tuple[str, list[str]]] = []  # per command: the fact types answered

    def post(self, actor: Actor, document: str, **variables: Any) -> dict:
        token = mint_token(self.settings, actor.rol.value, actor.persoon_id, actor.organisatie)
        headers = {"Authorization": f"Bearer {token}", "X-WVP-Clock": clock.now().isoformat()}
        body = {"query": document, "variables": variables}
        response = self.client.post(self.url, json=body, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    def send(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> dict:
        spec = COMMANDS[command].commands[command]
        name = _mutation_name(command)
        plain = json.loads(json.dumps(fields, default=str))
        variables = {"input": graphql_value(spec.input, plain)}
        input_type = "".join(part.capitalize() for part in command.split("_")) + "Input"
        if spec.dossier == "existing":
            variables["dossierId"] = dossier_id
            signature, call = "$dossierId: ID!, ", "dossierId: $dossierId, "
        else:
            signature = call = ""
        document = (
            f"mutation({signature}$input: {input_type}!) "
            f"{{ {name}({call}input: $input) {{ dossierId events {{ type }} }} }}"
        )
        return self.post(actor, document, **variables)

    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult:
        answer = self.send(command, actor, dossier_id, fields)
        assert not answer.get("errors"), (command, answer["errors"])
        payload = answer["data"][_mutation_name(command)]
        self.answers.append((command, [e["type"] for e in payload["events"]]))
        return CommandResult(payload["dossierId"], [])


def drive(driver: GraphQLDriver, casus) -> None:
    """The canonical case's steps, in order, through the API."""
    start = datetime.combine(casus.eerste_ziektedag, daytime(7, 0), UTC)
    provider = casus.betrokkenen.provider
    fields = {
        "geldig_op": str(start.date()),
        "provider_id": provider.organisatie,
        "naam": casus.betrokkenen.provider_naam,
        "soort": casus.betrokkenen.provider_soort,
    }
    with clock.frozen_at(start):
        driver.execute("registreer_provider", provider, None, fields)
    for gepland in plan_stappen(casus).stappen:
        voer_uit(driver, gepland)


def views(driver: GraphQLDriver, casus) -> dict[str, str]:
    """What each party reads of the dossier after the case, as JSON text with the run's random
    ids replaced."""
    seen = {}
    with clock.frozen_at(datetime.combine(casus.einde, daytime(12), UTC)):
        for party in PARTIES:
            actor = getattr(casus.betrokkenen, party)
            # The refusals (a document part the party may not read) are part of what it sees.
            answer = driver.post(actor, DOSSIER, id=casus.dossier_id, peildatum=str(casus.einde))
            assert answer["data"]["dossier"]["timeline"], party
            text = json.dumps(answer, sort_keys=True)
            for service in topology.BY_NAME:
                text = text.replace(str(aggregate_id(service, casus.dossier_id)), f"<{service}>")
            seen[party] = text.replace(casus.dossier_id, "<dossier>")
    return seen


def refusal(driver: GraphQLDriver, casus) -> dict:
    """The werkgever tries a bedrijfsarts command: the policy refuses it."""
    fields = {
        "geldig_op": str(casus.einde),
        "medische_oorzaak": True,
        "psychische_klachten": False,
        "toelichting": "Overspanning",
    }
    with clock.frozen_at(datetime.combine(casus.einde, daytime(12), UTC)):
        answer = driver.send("geef_triage_oordeel", casus.betrokkenen.hr, casus.dossier_id, fields)
    [error] = answer["errors"]
    return error["extensions"]


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    data = tmp_path_factory.mktemp("embedded-gateway")
    casus = canonical_case()
    with running({"WVP_DATA_DIR": str(data), "WVP_DATABASE_URL": ""}) as platform:
        app = create_app(platform, GatewaySettings(jwt_secret=SECRET, data_dir=data))
        with TestClient(app) as client:
            driver = GraphQLDriver(client)
            drive(driver, casus)
            yield views(driver, casus), refusal(driver, casus), driver.answers


@pytest.fixture(scope="module")
def over_kafka(services):
    url = services.start_gateway({"WVP_JWT_SECRET": SECRET})
    casus = canonical_case()
    with httpx.Client(timeout=30) as client:
        driver = GraphQLDriver(client, url)
        drive(driver, casus)
        yield views(driver, casus), refusal(driver, casus), driver.answers


def test_every_party_reads_the_same_through_the_kafka_gateway(over_kafka, embedded):
    seen, refused, answers = over_kafka
    expected, expected_refusal, expected_answers = embedded
    # Each mutation's answer already holds what it recorded: the read model had caught up.
    assert answers == expected_answers
    assert sum(1 for _, types in answers if types) > len(answers) * 0.9
    for party in PARTIES:
        assert seen[party] == expected[party], party
    assert refused == expected_refusal
    assert refused["code"] == "FORBIDDEN"


def test_the_werkgever_sees_nothing_medical_the_bedrijfsarts_does(over_kafka):
    seen, _, _ = over_kafka
    for party in ("hr", "casemanager", "arbeidsdeskundige", "uwv"):
        assert not any(canary in seen[party] for canary in MEDICAL_CANARIES), party
    # The gateway holds the bedrijfsarts-side key: the medical streams were read and opened.
    assert all(canary in seen["bedrijfsarts"] for canary in MEDICAL_CANARIES)
    timeline = json.loads(seen["hr"])["data"]["dossier"]["timeline"]
    assert len(timeline) > 50 and all(e["classificatie"] != "MEDISCH" for e in timeline)
