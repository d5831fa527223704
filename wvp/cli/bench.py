"""`wvp bench`: the benchmarks, which live in the checkout and are not shipped."""

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from wvp.cli.console import CliError, console, een_regel, fout, fouten, voortgangsbalk

try:
    from bench import SUITE
except ImportError:  # an installed platform has no benchmarks
    SUITE = {}


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
        fout(str(e))
        raise typer.Exit(2) from None
    uitkomsten = []
    with voortgangsbalk() as balk:
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


def register(app: typer.Typer) -> None:
    app.command()(een_regel(bench))
