"""The distributed runtime: `wvp service NAME`, `wvp gateway`, `wvp keys`, `wvp asyncapi`."""

from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from distributed import asyncapi as asyncapi_document
from distributed import gateway as kafka_gateway
from distributed import service as kafka_service
from distributed import topology
from distributed.sealing import generate
from distributed.settings import DistributedSettings
from readmodel.port import ServiceLog
from wvp.cli.console import een_regel
from wvp.runtime import checkpointing


@dataclass(frozen=True)
class _OwnStore:
    """A service process's own store, as its checkpoints read it."""

    services: Sequence[ServiceLog]


def service(
    name: str = typer.Argument(..., help="One of: " + ", ".join(topology.BY_NAME)),
) -> None:
    """Run one service as its own process: its store, its relay to Kafka, its consumers and a
    loopback control endpoint, and a signed checkpoint of its store every
    WVP_CHECKPOINT_INTERVAL seconds and on shutdown. Configured by WVP_KAFKA_BOOTSTRAP and the
    store settings (WVP_DATA_DIR or WVP_DATABASE_URL)."""
    cls = topology.service_class(name)
    settings = DistributedSettings.from_env()
    # A second application on the same store: the process's own is used by its worker thread only.
    with closing(cls()) as own, checkpointing(_OwnStore([own])):
        kafka_service.main(name, settings)


def gateway(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Run the GraphQL gateway over Kafka: a read model fed by every service's topics, the
    policy enforced here, commands sent to the owning service. WVP_KAFKA_BOOTSTRAP, the
    services' ports (WVP_<SERVICE>_PORT, WVP_SERVICE_HOST), the gateway's own store
    (WVP_DATA_DIR or WVP_DATABASE_URL) and, to read medical facts, the bedrijfsarts-side key
    (WVP_KAFKA_PRIVATE_KEY)."""
    typer.echo(f"GraphQL over Kafka on http://{host}:{port}/graphql")
    kafka_gateway.main(DistributedSettings.from_env(), host, port)


def keys(
    directory: Annotated[Path, typer.Argument(help="Where to write the key pairs.")],
) -> None:
    """Key pairs for the medical recipients: share the .pub.pem files with every relay, give
    each .key.pem only to its own process."""
    names = sorted({topology.BEDRIJFSARTS_ZIJDE, *topology.BY_NAME})
    generate(directory, names)
    typer.echo(f"sleutelparen voor {', '.join(names)} in {directory}")


def asyncapi(
    path: Annotated[Path, typer.Argument(help="Where to write the document.")] = Path(
        "docs/asyncapi.json"
    ),
) -> None:
    """Write the AsyncAPI document of every Kafka topic (services, integrations, DLQ)."""
    typer.echo(f"AsyncAPI geschreven naar {asyncapi_document.write(path)}")


def register(app: typer.Typer) -> None:
    for command in (service, gateway, keys, asyncapi):
        app.command()(een_regel(command))
