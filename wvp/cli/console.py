"""What every command prints with: the consoles, the styles, one-line errors, progress bars and
the parsing of dates and moments typed on the command line."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import wraps
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from wvp.runtime import Platform

console = Console()
fouten = Console(stderr=True)

# How calendar statuses stand out; rows that are overdue ("verlopen") are red as a whole.
STATUS_STIJL = {"verlopen": "bold red", "te_laat": "red", "open": "yellow", "op_tijd": "green"}


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


def een_regel(command: Callable) -> Callable:
    """Turn every failure of a command into one line on stderr and exit code 1."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except Exception as e:
            fout(str(e))
            raise typer.Exit(1) from None

    return run


def fout(melding: str) -> None:
    fouten.print(f"[red]fout:[/] {melding}", markup=True, highlight=False)


def datum(waarde: str | None, optie: str) -> date | None:
    if waarde is None:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise CliError(f"{optie}: {waarde!r} is geen datum (verwacht JJJJ-MM-DD)") from None


def moment(waarde: str | None, optie: str) -> datetime | None:
    """An ISO moment; without a timezone it is read as UTC, the timezone of recorded time."""
    if waarde is None:
        return None
    try:
        gelezen = datetime.fromisoformat(waarde)
    except ValueError:
        raise CliError(f"{optie}: {waarde!r} is geen tijdstip (JJJJ-MM-DDTUU:MM)") from None
    return gelezen if gelezen.tzinfo else gelezen.replace(tzinfo=UTC)


def voortgangsbalk() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )


def toon_samenvatting(samenvatting: Any, titel: str) -> None:
    tabel = Table(title=titel)
    tabel.add_column("")
    tabel.add_column("aantal", justify="right")
    for label, waarde in samenvatting.rijen():
        tabel.add_row(label, waarde)
    console.print(tabel)


@contextmanager
def platform(policy: bool = True) -> Iterator[Platform]:
    """The embedded platform on the configured store, for the length of one command."""
    started = Platform(policy=policy).start()
    try:
        yield started
    finally:
        started.stop()
