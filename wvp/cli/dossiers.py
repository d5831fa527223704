"""`wvp simulate`, `wvp demo` and `wvp dossiers`: filling and listing the embedded store."""

import time
from typing import Annotated

import typer
from rich.table import Table

from readmodel.index import DossierIndex
from wvp.cli.console import console, datum, een_regel, platform, toon_samenvatting, voortgangsbalk
from wvp.demo import load_demo
from wvp.runtime import Platform
from wvp.simulate import simulate as run_simulation


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
    begin = datum(start, "--start")
    with platform(policy) as p, voortgangsbalk() as balk:
        taak = balk.add_task("simuleren", total=None)

        def voortgang(gedaan: int, totaal: int) -> None:
            balk.update(taak, completed=gedaan, total=totaal)

        t0 = time.perf_counter()
        samenvatting = run_simulation(p, employees, days, seed, start=begin, progress=voortgang)
        duur = time.perf_counter() - t0
    toon_samenvatting(samenvatting, f"Simulatie seed {seed}, {employees} werknemers, {days} dagen")
    console.print(f"Klaar in {duur:.1f} s.")


def demo() -> None:
    """Laad de demodata (eenmalig): drie werkgevers, een volledig dossier en een kort verzuim."""
    with platform() as p:
        laad_demo(p)


def laad_demo(p: Platform) -> None:
    with console.status("demodata laden..."):
        geladen = load_demo(p)
    if geladen is None:
        console.print("De demodata staat er al; niets opnieuw geladen.")
        return
    toon_samenvatting(geladen.populatie, "Demodata geladen")
    console.print(f"Volledig 104-wekendossier: {geladen.canoniek}")
    console.print(f"Kort verzuim: {geladen.kort}")


def dossiers(
    werkgever: Annotated[str | None, typer.Option(help="Alleen deze werkgever")] = None,
) -> None:
    """Toon alle verzuimdossiers."""
    with platform() as p:
        lijst = list(DossierIndex(p).refresh().dossiers.values())  # in recorded order
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


def register(app: typer.Typer) -> None:
    for command in (simulate, demo, dossiers):
        app.command()(een_regel(command))
