"""The `wvp` command line: serve the platform, simulate, replay, verify, export, benchmark.

Every command works on the configured store (WVP_DATA_DIR, default `var/`, or WVP_DATABASE_URL).
Errors end in one line on stderr and a non-zero exit code, never a traceback. The commands of the
gateway and of compliance live next to their code and are registered here.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

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

try:
    from bench import SUITE
except ImportError:  # the benchmarks live in the checkout; an installed platform has none
    SUITE = {}

app = typer.Typer(
    help="Verzuim en re-integratie onder de Wet verbetering poortwachter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
fouten = Console(stderr=True)

# How calendar statuses stand out; rows that are overdue ("verlopen") are red as a whole.
STATUS_STIJL = {"verlopen": "bold red", "te_laat": "red", "open": "yellow", "op_tijd": "green"}


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


def _datum(waarde: str | None, naam: str) -> date | None:
    if waarde is None:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise CliError(f"{naam}: {waarde!r} is geen datum (verwacht JJJJ-MM-DD)") from None


def _een_regel(command: Callable) -> Callable:
    """Turn every failure of a command into one line on stderr and exit code 1."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except Exception as e:
            fouten.print(f"[red]fout:[/] {e}", markup=True, highlight=False)
            raise typer.Exit(1) from None

    return run


@contextmanager
def _platform(policy: bool = True) -> Iterator[Platform]:
    platform = Platform(policy=policy).start()
    try:
        yield platform
    finally:
        platform.stop()


@app.command()
@_een_regel
def simulate(
    employees: Annotated[int, typer.Option(min=1, help="Aantal werknemers")] = 100,
    days: Annotated[int, typer.Option(min=1, help="Aantal gesimuleerde dagen")] = 365,
    seed: Annotated[int, typer.Option(help="Zaad: dezelfde seed geeft dezelfde populatie")] = 1,
    start: Annotated[str, typer.Option(help="Eerste gesimuleerde dag (JJJJ-MM-DD)")] = "2024-01-01",
    policy: Annotated[
        bool,
        typer.Option(
            "--policy/--no-policy",
            help="Elk commando langs het beleid en het beslislog; --no-policy is ongeveer twee "
            "keer zo snel voor grote synthetische populaties",
        ),
    ] = True,
) -> None:
    """Simuleer werkgevers, werknemers en hun verzuim, en doorloop het poortwachterproces."""
    from wvp.simulate import simulate as run_simulation

    begin = _datum(start, "--start")
    with _platform(policy) as platform, _voortgangsbalk() as balk:
        taak = balk.add_task("simuleren", total=None)

        def voortgang(gedaan: int, totaal: int) -> None:
            balk.update(taak, completed=gedaan, total=totaal)

        t0 = time.perf_counter()
        samenvatting = run_simulation(
            platform, employees, days, seed, start=begin, progress=voortgang
        )
        duur = time.perf_counter() - t0
    _toon_samenvatting(samenvatting, f"Simulatie seed {seed}, {employees} werknemers, {days} dagen")
    console.print(f"Klaar in {duur:.1f} s.")


def _voortgangsbalk() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )


def _toon_samenvatting(samenvatting: Any, titel: str) -> None:
    tabel = Table(title=titel)
    tabel.add_column("")
    tabel.add_column("aantal", justify="right")
    for label, waarde in samenvatting.rijen():
        tabel.add_row(label, waarde)
    console.print(tabel)


@app.command()
@_een_regel
def demo() -> None:
    """Laad de demodata (eenmalig): drie werkgevers, een volledig dossier en een kort verzuim."""
    from wvp.demo import load_demo

    with _platform() as platform:
        _laad_demo(platform, load_demo)


def _laad_demo(platform: Platform, load_demo: Callable) -> None:
    with console.status("demodata laden..."):
        geladen = load_demo(platform)
    if geladen is None:
        console.print("De demodata staat er al; niets opnieuw geladen.")
        return
    _toon_samenvatting(geladen.populatie, "Demodata geladen")
    console.print(f"Volledig 104-wekendossier: {geladen.canoniek}")
    console.print(f"Kort verzuim: {geladen.kort}")


@app.command()
@_een_regel
def dossiers(
    werkgever: Annotated[str | None, typer.Option(help="Alleen deze werkgever")] = None,
) -> None:
    """Toon alle verzuimdossiers."""
    from gateway.projections import DossierIndex

    with _platform() as platform:
        lijst = list(DossierIndex(platform).refresh().dossiers.values())  # in recorded order
    if werkgever:
        lijst = [d for d in lijst if d.werkgever_id == werkgever]
    tabel = Table(title=f"{len(lijst)} verzuimdossiers")
    tabel.add_column("dossier", no_wrap=True, min_width=36)
    for kolom in ("werknemer", "werkgever", "eerste ziektedag", "status"):
        tabel.add_column(kolom)
    for d in lijst:
        status = f"hersteld per {d.hersteld_op}" if d.hersteld_op else "open"
        tabel.add_row(d.dossier_id, d.werknemer_id, d.werkgever_id, str(d.eerste_ziektedag), status)
    console.print(tabel)


def _register() -> None:
    from compliance import cli as compliance
    from distributed import cli as distributed
    from gateway import cli as gateway

    app.command("serve")(_een_regel(gateway.serve))
    app.command("token")(_een_regel(gateway.token))
    app.command("service")(_een_regel(distributed.service))
    app.command("gateway")(_een_regel(distributed.gateway))
    app.command("replay")(_een_regel(compliance.replay_command))
    app.command("verify")(_een_regel(compliance.verify_command))
    app.command("rebuild")(_een_regel(compliance.rebuild_command))

    audit = typer.Typer(help="Bewijs voor UWV-geschillen en audits.", no_args_is_help=True)
    audit.command("export")(_een_regel(compliance.audit_export_command))
    app.add_typer(audit, name="audit")

    app.command("bench")(_een_regel(bench))


def bench(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="NAME", help="Benchmarks (standaard alle): " + ", ".join(SUITE)),
    ] = None,
    quick: Annotated[bool, typer.Option(help="Kleine aantallen, om de suite te proberen")] = False,
    output_dir: Annotated[Path, typer.Option(help="Map voor report.json en report.md")] = Path(
        "bench"
    ),
) -> None:
    """Meet elk cijfer naast een ruwe basislijn in dezelfde run; schrijft report.json en .md."""
    if not SUITE:
        raise CliError(
            "de benchmarks worden niet meegeleverd: draai wvp bench in een checkout na make install"
        )
    from bench import runner

    try:
        gekozen = runner.select(names or [])
    except runner.UnknownBenchmark as e:
        fouten.print(f"[red]fout:[/] {e}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    uitkomsten = []
    with _voortgangsbalk() as balk:
        taak = balk.add_task("benchmarks", total=len(gekozen))
        for naam in gekozen:
            balk.update(taak, description=f"bench {naam}")
            uitkomst = runner.run_one(naam, quick)
            uitkomsten.append(uitkomst)
            regel = f"[red]mislukt: {uitkomst.error}[/]" if uitkomst.error else "[green]klaar[/]"
            balk.console.print(f"{naam}: {regel} ({uitkomst.seconds:.1f} s)", highlight=False)
            balk.advance(taak)
    rapport = runner.report(uitkomsten, quick, runner.argv())
    _toon_metingen(rapport)
    for pad in runner.write(rapport, output_dir):
        console.print(f"geschreven: {pad}")
    mislukt = [u.name for u in uitkomsten if u.error]
    if mislukt:
        fouten.print(f"[red]mislukt:[/] {', '.join(mislukt)}", markup=True, highlight=False)
        raise typer.Exit(1)


def _toon_metingen(rapport: dict[str, Any]) -> None:
    tabel = Table(title="Benchmarks (verhouding: ons tegen ruw, 100% = even snel; ✓/✗: doel)")
    tabel.add_column("meting", overflow="fold")  # the figures are never cut short
    for kolom in ("ons", "basislijn", "verhouding"):
        tabel.add_column(kolom, justify="right", no_wrap=True)
    tabel.add_column("eenheid", overflow="fold")
    for b in rapport["benchmarks"]:
        for m in b["measurements"]:
            verhouding = "–" if m["ratio"] is None else f"{m['ratio']:.0%}"
            if m["met"] is not None:
                verhouding += " ✓" if m["met"] else " ✗"
            basis = "–" if m["baseline"] is None else f"{m['baseline']:,.1f}"
            tabel.add_row(m["name"], f"{m['ours']:,.1f}", basis, verhouding, m["unit"])
    console.print(tabel)


_register()
