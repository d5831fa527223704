"""Command functions for the distributed runtime; wvp/cli.py registers them:

app.command("service")(distributed.cli.service)
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


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
app.command("service")(service)
app.command("keys")(keys)
