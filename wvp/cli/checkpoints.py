"""Signed checkpoints, backup and restore: `wvp checkpoint`, `wvp backup`, `wvp restore`.

All three work on the configured store (WVP_DATA_DIR or WVP_DATABASE_URL) and write into the
checkpoint directory (WVP_CHECKPOINT_DIR) with the signing key (WVP_CHECKPOINT_KEY); see
`compliance.checkpoint` and `compliance.backup`. A store that does not verify against its newest
checkpoint gets no new checkpoint and no backup: the breaches are printed and the exit code is 1.
"""

import getpass
from pathlib import Path
from typing import Annotated

import typer

from compliance.backup import backup, record_restore, restore
from compliance.checkpoint import CheckpointSettings, Refused, write_checkpoint
from services.shared.config import Settings
from wvp.cli.compliance import describe, describe_restore, print_breaches
from wvp.cli.console import console, een_regel, platform


def _refused(e: Refused, wat: str) -> typer.Exit:
    console.print(
        f"[red]{wat} geweigerd:[/] de opslag verifieert niet tegen het nieuwste checkpoint"
    )
    print_breaches(e.report)
    return typer.Exit(1)


def checkpoint_command() -> None:
    """Schrijf nu een ondertekend checkpoint van elke ketenkop (in WVP_CHECKPOINT_DIR)."""
    settings = CheckpointSettings.from_env()
    with platform() as p:
        try:
            written, new = write_checkpoint(p, settings)
        except Refused as e:
            raise _refused(e, "checkpoint") from None
    if new:
        where = settings.directory / written.file_name
        console.print(f"{describe(written)}, {len(written.heads)} ketens: {where}", highlight=False)
    else:
        console.print(f"niets nieuws sinds het {describe(written)}", highlight=False)


def backup_command(
    dest: Annotated[Path, typer.Argument(help="Nieuwe of lege map voor de backup")],
) -> None:
    """Maak een backup van de opslag (SQLite: online backup; PostgreSQL: pg_dump van het schema),
    met een vers checkpoint dat de backup bevat."""
    with platform() as p:
        try:
            made = backup(p, Settings.from_env(), CheckpointSettings.from_env(), dest)
        except Refused as e:
            raise _refused(e, "backup") from None
    console.print(
        f"backup in {dest} ({', '.join(made.files)}); bevat het checkpoint {made.checkpoint}",
        highlight=False,
    )


def restore_command(
    src: Annotated[Path, typer.Argument(help="Map van een backup van wvp backup")],
    by: Annotated[
        str | None, typer.Option("--by", help="Wie terugzet (standaard: de gebruiker)")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Vervang een opslag die er al is")
    ] = False,
) -> None:
    """Zet een backup terug in de geconfigureerde opslag (stop het platform eerst) en leg dat
    vast in een ondertekend herstelverslag, zodat wvp verify een herstel meldt, geen breuk."""
    made = restore(Settings.from_env(), src, replace)
    with platform() as p:
        try:
            record = record_restore(p, CheckpointSettings.from_env(), made, by or getpass.getuser())
        except Refused as e:
            raise _refused(e, "herstelverslag") from None
    console.print(describe_restore(record), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("checkpoint")(een_regel(checkpoint_command))
    app.command("backup")(een_regel(backup_command))
    app.command("restore")(een_regel(restore_command))
