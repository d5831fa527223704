"""A real gateway process for the tests, and a reference dossier built through its API."""

import json
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from gateway.auth import mint_token
from gateway.settings import GatewaySettings
from tooling.subprocesses import WVP, end

SECRET = "test-secret-for-the-gateway-tests-0123456789"
ROOT = Path(__file__).resolve().parents[2]

# One person per party; ids tie them to the reference dossier.
PARTIES = {
    "werkgever": ("hr1", "acme"),
    "casemanager": ("cm1", "acme"),
    "bedrijfsarts": ("ba1", "arbo"),
    "werknemer": ("wn1", "acme"),
    "arbeidsdeskundige": ("ad1", "adviesbureau"),
    "provider": ("psy1", "psy1"),
    "uwv": ("uwv1", "uwv"),
    "verzekeraar": ("vz1", "verzekeraar1"),
    "compliance": ("co1", "acme"),
}
# Parties that may never see medical data (domain.md §2).
NOT_MEDICAL = (
    "werkgever",
    "casemanager",
    "arbeidsdeskundige",
    "provider",
    "uwv",
    "verzekeraar",
    "compliance",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def token(role: str, subject: str | None = None, org: str | None = None, **kw: Any) -> str:
    person, organisation = PARTIES.get(role, ("x1", "x"))
    settings = GatewaySettings(jwt_secret=SECRET)
    return mint_token(settings, role, subject or person, org or organisation, **kw)


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    data_dir: Path
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    @property
    def graphql(self) -> str:
        return f"{self.url}/graphql"

    @property
    def ws(self) -> str:
        return self.graphql.replace("http://", "ws://")

    def post(
        self,
        query: str,
        role: str | None = None,
        variables: dict | None = None,
        bearer: str | None = None,
    ) -> httpx.Response:
        headers = {}
        if bearer is not None:
            headers["Authorization"] = bearer
        elif role is not None:
            headers["Authorization"] = f"Bearer {token(role)}"
        body = {"query": query, "variables": variables or {}}
        return self.client.post(self.graphql, json=body, headers=headers)

    def gql(self, query: str, role: str, **variables: Any) -> dict:
        response = self.post(query, role, variables)
        assert response.status_code == 200, response.text
        return response.json()

    def ok(self, query: str, role: str, **variables: Any) -> dict:
        answer = self.gql(query, role, **variables)
        assert not answer.get("errors"), answer
        return answer["data"]

    def stop(self) -> None:
        self.client.close()
        end(self.process)


def start_server(data_dir: Path, extra_env: dict[str, str] | None = None) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "WVP_DATA_DIR": str(data_dir),
        "WVP_DATABASE_URL": "",
        "WVP_JWT_SECRET": SECRET,
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [WVP, "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", process, data_dir)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gateway exited: {process.stdout.read().decode()}")
        try:
            if server.client.get(f"{server.url}/healthz").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("gateway did not start within 30 s")


@contextmanager
def subscribe(server: Server, role: str, dossier_id: str) -> Iterator[ClientConnection]:
    """A graphql-transport-ws subscription on the dossier's timeline, acknowledged."""
    with connect(server.ws, subprotocols=["graphql-transport-ws"], open_timeout=10) as ws:
        ack = connection_init(ws, f"Bearer {token(role)}")
        assert ack["type"] == "connection_ack", ack
        ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIPTION, "variables": {"d": dossier_id}},
                }
            )
        )
        yield ws


def connection_init(ws: ClientConnection, authorization: str) -> dict:
    ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": authorization}}))
    return json.loads(ws.recv(timeout=10))


SUBSCRIPTION = (
    "subscription($d: ID!) { timeline(dossierId: $d) "
    "{ id type service classificatie geldigOp recordedAt actor { rol persoonId organisatie } "
    "payload hash } }"
)


def receive_all(ws, seconds: float) -> list[str]:
    """Every raw message that arrives within `seconds`."""
    messages = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            messages.append(ws.recv(timeout=left))
        except TimeoutError:
            break
    return messages


@dataclass
class Reference:
    dossier_id: str
    canary: str


def _mutate(server: Server, role: str, name: str, dossier_id: str | None, fields: str) -> dict:
    args = f'dossierId: "{dossier_id}", ' if dossier_id else ""
    data = server.ok(
        f"mutation {{ {name}({args}input: {{ {fields} }}) {{ dossierId events {{ type }} }} }}",
        role,
    )
    return data[name]


def build_reference(server: Server) -> Reference:
    """One dossier touched by every party, with a unique canary in each medical fact."""
    canary = f"CANARY-{uuid.uuid4().hex}"
    opened = _mutate(
        server,
        "werkgever",
        "registreerZiekmelding",
        None,
        'geldigOp: "2026-01-05", werknemerId: "wn1", werkgeverId: "acme", '
        'telefoon: "0612345678", lopendeTaken: "planning", verwachteDuurDagen: 30',
    )
    d = opened["dossierId"]
    steps = [
        (
            "werkgever",
            "stelCasemanagerAan",
            'geldigOp: "2026-01-05", persoonId: "cm1", naam: "C M"',
        ),
        (
            "werkgever",
            "wijsBedrijfsartsToe",
            'geldigOp: "2026-01-05", persoonId: "ba1", organisatie: "arbo"',
        ),
        (
            "casemanager",
            "informeerVerzekeraar",
            'geldigOp: "2026-01-06", verzekeraarId: "verzekeraar1", melding: "start"',
        ),
        ("bedrijfsarts", "voerScreeningUit", 'geldigOp: "2026-01-07", prioriteit: 2'),
        (
            "bedrijfsarts",
            "geefTriageOordeel",
            f'geldigOp: "2026-01-09", medischeOorzaak: true, toelichting: "{canary} triage"',
        ),
        ("bedrijfsarts", "legConsultVast", f'geldigOp: "2026-01-20", verslag: "{canary} consult"'),
        (
            "bedrijfsarts",
            "leverProbleemanalyseOp",
            'geldigOp: "2026-02-10", mogelijkheden: "licht werk", '
            'beperkingen: "beperkt in tillen", '
            f'advies: "opbouwen in uren", diagnose: "{canary} diagnose", behandeling: "{canary} b"',
        ),
        (
            "bedrijfsarts",
            "verwijsNaarProvider",
            f'geldigOp: "2026-02-11", verwijzingId: "v1", providerId: "psy1", '
            f'vraagstelling: "{canary} verwijzing"',
        ),
        (
            "provider",
            "accepteerVerwijzing",
            'geldigOp: "2026-02-12", verwijzingId: "v1", providerId: "psy1"',
        ),
        (
            "werkgever",
            "wijsArbeidsdeskundigeToe",
            'geldigOp: "2026-02-13", persoonId: "ad1", organisatie: "adviesbureau"',
        ),
        (
            "werkgever",
            "stelPlanVanAanpakVast",
            'geldigOp: "2026-02-20", doel: "terug naar eigen werk", '
            "financieleGevolgenUitgelegd: true, "
            'afspraken: [{wat: "halve dagen", wie: "werknemer", uiterlijk: "2026-03-20"}]',
        ),
        (
            "casemanager",
            "stelPlanVanAanpakBij",
            'geldigOp: "2026-04-01", reden: "voortgang", '
            'afspraken: [{wat: "hele dagen", wie: "werknemer", uiterlijk: "2026-05-01"}]',
        ),
        ("casemanager", "legVoortgangVast", 'geldigOp: "2026-04-15", samenvatting: "gaat goed"'),
        ("werknemer", "legZienswijzeVast", 'geldigOp: "2026-04-20", zienswijze: "eens"'),
        ("casemanager", "dienMelding42WekenIn", 'geldigOp: "2026-10-20", kenmerk: "M42"'),
    ]
    for role, name, fields in steps:
        _mutate(server, role, name, d, fields)
    return Reference(d, canary)
