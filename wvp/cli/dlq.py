"""The dead-letter queue: `wvp dlq list` and `wvp dlq replay ID` (`distributed.dlq`).

An inbound sender's token is never copied into the DLQ, so a message of an inbound channel,
re-published as it was, would be refused again (niet_geauthenticeerd): `replay` asks for a
fresh token of the sender (`--authorization-file`) and refuses without one.
"""

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from distributed import dlq
from distributed.integrations import inbound
from wvp.cli.console import CliError, console, een_regel

Bootstrap = Annotated[
    str,
    typer.Option("--bootstrap", envvar="WVP_KAFKA_BOOTSTRAP", help="Kafka-broker HOST:PORT"),
]
INKOMEND = {kanaal.topic for kanaal in inbound.KANALEN}


def list_command(
    bootstrap: Bootstrap,
    json_out: Annotated[bool, typer.Option("--json", help="JSON in plaats van een tabel")] = False,
) -> None:
    """Toon elk bericht in wvp.dlq: id (partitie:offset), tijd, bron, dienst, reden, toelichting."""
    berichten = [entry.summary() for entry in dlq.entries(bootstrap)]
    if json_out:
        console.print_json(json.dumps(berichten))
        return
    if not berichten:
        console.print(f"{dlq.TOPIC} is leeg.")
        return
    tabel = Table(title=dlq.TOPIC, title_justify="left")
    for kolom in ("id", "tijd", "bron", "dienst", "reden", "toelichting"):
        tabel.add_column(kolom, overflow="fold")
    for b in berichten:
        bron = f"{b['source_topic']}[{b['source_partition']}]@{b['source_offset']}"
        toelichting = b["detail"] + (" (verwijzing: inhoud bij de bron)" if b["reference"] else "")
        tabel.add_row(b["id"], b["time"][:19], bron, b["service"], b["reason"], toelichting)
    console.print(tabel)


def _token(path: Path) -> str:
    try:
        token = path.read_text().strip()
    except OSError as e:
        raise CliError(f"--authorization-file: {path} is niet te lezen ({e.strerror})") from None
    if not token.startswith("Bearer "):
        raise CliError(f"--authorization-file: {path} bevat geen 'Bearer <token>'")
    return token


def replay_command(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="partitie:offset uit wvp dlq list")],
    bootstrap: Bootstrap,
    authorization_file: Annotated[
        Path | None,
        typer.Option(
            "--authorization-file",
            help="Bestand met een vers 'Bearer <token>' van de afzender (inkomende kanalen)",
        ),
    ] = None,
) -> None:
    """Zet een bericht uit wvp.dlq terug op zijn bron, met zijn sleutel, inhoud en kopregels.
    Het token van een inkomende afzender is niet bewaard: geef een vers token mee met
    --authorization-file."""
    dead = dlq.entry(bootstrap, entry_id)
    extra = {}
    if dead.source_topic in INKOMEND:
        if authorization_file is None:
            raise CliError(
                f"{entry_id} komt van het inkomende kanaal {dead.source_topic}: het token van de "
                "afzender is niet bewaard, dus zonder token wordt het opnieuw geweigerd; geef "
                "een vers token van de afzender mee met --authorization-file PAD"
            )
        extra[inbound.TOKEN_HEADER] = _token(authorization_file)
    elif authorization_file is not None:
        raise CliError(
            f"--authorization-file geldt alleen voor inkomende kanalen, niet voor "
            f"{dead.source_topic}"
        )
    dlq.replay(bootstrap, dead, extra)
    console.print(
        f"{entry_id} opnieuw gepubliceerd op {dead.source_topic} "
        f"(partitie {dead.source_partition}, {dlq.REPLAYED_FROM}: {entry_id})"
    )


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="De dead-letter queue wvp.dlq: lezen en herhalen.", no_args_is_help=True
    )
    group.command("list")(een_regel(list_command))
    group.command("replay")(een_regel(replay_command))
    app.add_typer(group, name="dlq")
