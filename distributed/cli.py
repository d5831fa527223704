"""Command functions for the distributed runtime; wvp/cli.py registers them:

app.command("service")(distributed.cli.service)
app.command("gateway")(distributed.cli.gateway)
"""

import typer

from distributed import topology


def service(
    name: str = typer.Argument(..., help="One of: " + ", ".join(topology.BY_NAME)),
) -> None:
    """Run one service as its own process: its store, its relay to Kafka, its consumers and a
    loopback control endpoint. Configured by WVP_KAFKA_BOOTSTRAP and the store settings
    (WVP_DATA_DIR or WVP_DATABASE_URL)."""
    from distributed.service import main
    from distributed.settings import DistributedSettings

    topology.service_class(name)
    main(name, DistributedSettings.from_env())


def gateway(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Run the GraphQL gateway over Kafka: a read model fed by every service's topics, the
    policy enforced here, commands sent to the owning service. WVP_KAFKA_BOOTSTRAP, the
    services' ports (WVP_<SERVICE>_PORT, WVP_SERVICE_HOST), the gateway's own store
    (WVP_DATA_DIR or WVP_DATABASE_URL) and, to read medical facts, the bedrijfsarts-side key
    (WVP_KAFKA_PRIVATE_KEY)."""
    from distributed.gateway import main
    from distributed.settings import DistributedSettings

    typer.echo(f"GraphQL over Kafka on http://{host}:{port}/graphql")
    main(DistributedSettings.from_env(), host, port)


def keys(
    directory: str = typer.Argument(..., help="Where to write the key pairs."),
) -> None:
    """Key pairs for the medical recipients: share the .pub.pem files with every relay, give
    each .key.pem only to its own process."""
    from pathlib import Path

    from distributed.sealing import generate

    names = sorted({topology.BEDRIJFSARTS_ZIJDE, *topology.BY_NAME})
    generate(Path(directory), names)
    typer.echo(f"sleutelparen voor {', '.join(names)} in {directory}")


def asyncapi(
    path: str = typer.Argument("docs/asyncapi.json", help="Where to write the document."),
) -> None:
    """Write the AsyncAPI document of every Kafka topic (services, integrations, DLQ)."""
    from pathlib import Path

    from distributed.asyncapi import write

    typer.echo(f"AsyncAPI geschreven naar {write(Path(path))}")


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
app.command("service")(service)
app.command("gateway")(gateway)
app.command("keys")(keys)
app.command("asyncapi")(asyncapi)
