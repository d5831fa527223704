"""Evidence for UWV disputes: `wvp replay`, `wvp verify`, `wvp rebuild`, `wvp audit export`.

`verify` checks the stores against the newest signed checkpoint of the store (written by
`wvp checkpoint`, `wvp serve` and `wvp restore`, see `wvp.cli.checkpoints`) and says which one.
A broken hash chain or a checkpoint that cannot be trusted ends `verify` with exit code 1, and a
rebuild that differs ends `rebuild` with exit code 1; every other problem is a Dutch one-line
error.
"""

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from compliance.bundle import FORMATS, export
from compliance.checkpoint import RESTORE, Checkpoint, CheckpointSettings, Trail, load_trail
from compliance.kafka import replay_from_kafka
from compliance.rebuild import rebuild
from compliance.replay import Replay, replay, replay_dict
from compliance.verify import VerifyReport, load_anchor, verify
from events import Actor, Rol
from wvp.cli.console import (
    STATUS_STIJL,
    CliError,
    console,
    datum,
    een_regel,
    moment,
    platform,
    voortgangsbalk,
)

Dossier = Annotated[str, typer.Argument(help="Dossier-id")]
AlsRol = Annotated[str, typer.Option("--as", help="Rol waarmee je kijkt, bv. compliance")]
Persoon = Annotated[str, typer.Option("--subject", help="Jouw persoon-id")]
Organisatie = Annotated[str, typer.Option("--org", help="Jouw organisatie")]
Json = Annotated[bool, typer.Option("--json", help="JSON in plaats van tabellen")]


def _actor(rol: str, persoon: str, organisatie: str) -> Actor:
    try:
        return Actor(rol=Rol(rol), persoon_id=persoon, organisatie=organisatie)
    except ValueError:
        rollen = ", ".join(r.value for r in Rol if r is not Rol.SYSTEEM)
        raise CliError(f"--as: onbekende rol {rol!r}; kies uit {rollen}") from None


def _samenvatting(data: dict[str, Any], breedte: int = 70) -> str:
    tekst = ", ".join(f"{k}={v}" for k, v in data.items() if v not in (None, False, [], ""))
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def print_replay(r: Replay) -> None:
    cut = []
    if r.view.as_of:
        cut.append(f"geldig op {r.view.as_of}")
    if r.view.known_at:
        cut.append(f"bekend op {r.view.known_at:%Y-%m-%d %H:%M} UTC")
    s = r.stand
    bron = " uit Kafka" if r.bron.naam == "kafka" else ""
    titel = f"Dossier {r.view.dossier_id}{bron} als {r.actor.rol.value} ({', '.join(cut) or 'nu'})"
    tijdlijn = Table(title=titel, title_justify="left")
    for kolom in ("geregistreerd", "geldig op", "dienst", "feit", "klasse", "rol", "inhoud"):
        tijdlijn.add_column(kolom, overflow="fold")
    for e in r.visible:
        tijdlijn.add_row(
            f"{e.recorded_at:%Y-%m-%d %H:%M}",
            str(e.geldig_op),
            e.service,
            e.type,
            e.classificatie,
            e.actor["rol"],
            "(inhoud niet beschikbaar)" if e.id in r.bron.onleesbaar else _samenvatting(e.data),
        )
    console.print(tijdlijn)
    if not r.bron.medische_inhoud:
        console.print(
            "[yellow]Medische inhoud niet beschikbaar:[/] geen sleutel van de bedrijfsarts-zijde "
            "(--private-key); medische feiten staan er zonder inhoud in. Rollen zonder medische "
            "inzage missen niets."
        )
    console.print(
        f"Stand: {s.status}; eerste ziektedag {s.eerste_ziektedag or '-'}; hersteld op "
        f"{s.hersteld_op or '-'}; verzuimpercentage {s.verzuimpercentage or '-'}; plan van "
        f"aanpak {s.plan_van_aanpak_op or '-'} ({s.bijstellingen} bijstelling(en))."
    )
    kalender = Table(title=f"Poortwachterkalender per {r.peildatum}", title_justify="left")
    for kolom in ("stap", "omschrijving", "uiterlijk", "status", "gedaan op", "uitvoerder"):
        kalender.add_column(kolom, overflow="fold")
    for v in r.kalender:
        stijl = STATUS_STIJL.get(v.status.value)
        kalender.add_row(
            v.code,
            v.omschrijving,
            str(v.uiterlijk or "-"),
            f"[{stijl}]{v.stand}[/]" if stijl else v.stand,
            str(v.gedaan_op or "-"),
            v.uitvoerder.value,
        )
    console.print(kalender)


def replay_command(
    dossier: Dossier,
    as_role: AlsRol,
    subject: Persoon,
    org: Organisatie,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Geldige tijd: wat gold op JJJJ-MM-DD")
    ] = None,
    known_at: Annotated[
        str | None,
        typer.Option("--known-at", help="Registratietijd: wat bekend was op dit tijdstip (ISO)"),
    ] = None,
    json_out: Json = False,
    from_kafka: Annotated[
        bool, typer.Option("--from-kafka", help="Herbouw uit de Kafka-topics, niet uit de opslag")
    ] = False,
    bootstrap: Annotated[
        str | None,
        typer.Option(
            "--bootstrap",
            envvar="WVP_KAFKA_BOOTSTRAP",
            help="Kafka-broker HOST:PORT (--from-kafka)",
        ),
    ] = None,
    private_key: Annotated[
        str | None,
        typer.Option(
            "--private-key",
            envvar="WVP_REPLAY_PRIVATE_KEY",
            help="Privésleutel (PEM) van de bedrijfsarts-zijde; zonder: geen medische inhoud",
        ),
    ] = None,
) -> None:
    """Speel een dossier af zoals het gold (--as-of) en zoals het bekend was (--known-at)."""
    actor = _actor(as_role, subject, org)
    geldig, bekend = datum(as_of, "--as-of"), moment(known_at, "--known-at")
    if from_kafka:
        if not bootstrap:
            raise CliError("--from-kafka: geef --bootstrap HOST:PORT (of WVP_KAFKA_BOOTSTRAP)")
        r = replay_from_kafka(bootstrap, dossier, actor, geldig, bekend, private_key=private_key)
    else:
        with platform() as p:
            r = replay(p, dossier, actor, geldig, bekend)
    if json_out:
        console.print_json(json.dumps(replay_dict(r)))
    else:
        print_replay(r)


def verify_command(
    dossier: Annotated[str | None, typer.Argument(help="Alleen dit dossier")] = None,
    anchor: Annotated[
        Path | None,
        typer.Option(help="Ketenkoppen uit een eerder rapport of bewijsdossier (JSON)"),
    ] = None,
    expect_digest: Annotated[
        str | None, typer.Option(help="De digest moet precies deze zijn: niets veranderd")
    ] = None,
    json_out: Json = False,
) -> None:
    """Controleer de hashketens in alle opslagen, ook tegen het nieuwste ondertekende checkpoint;
    exitcode 1 bij een breuk of een checkpoint dat niet te vertrouwen is."""
    trail = load_trail(CheckpointSettings.from_env())
    with platform() as p:
        report = verify(p, dossier, load_anchor(anchor) if anchor else None, trail.anchor)
    if json_out:
        console.print_json(json.dumps({**report.to_dict(), "checkpoints": trail.to_dict()}))
    else:
        scope = f"dossier {dossier}" if dossier else "alle opslagen"
        console.print(
            f"{scope}: {report.aggregates} ketens, {report.events} feiten; digest {report.digest}"
        )
        print_trail(trail)
        print_breaches(report)
        if report.ok:
            console.print("[green]alle ketens intact[/]")
    digest_wrong = expect_digest is not None and expect_digest != report.digest
    if digest_wrong:
        console.print(f"[red]digest wijkt af:[/] verwacht {expect_digest}")
    if not report.ok or digest_wrong or trail.rejected:
        raise typer.Exit(1)


def print_breaches(report: VerifyReport) -> None:
    for breach in report.breaches:
        console.print(f"[red]breuk:[/] {breach}", highlight=False)


def _utc(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC"


def describe(checkpoint: Checkpoint) -> str:
    soort = "herstelverslag" if checkpoint.kind == RESTORE else "checkpoint"
    return f"{soort} van {_utc(checkpoint.written_at)}, digest {checkpoint.digest}"


def describe_restore(record: Checkpoint) -> str:
    r = record.restore
    return (
        f"hersteld op {_utc(record.written_at)} uit {r.backup} (backup van "
        f"{_utc(r.backup_made_at)}) door {r.by}; de backup bevatte het checkpoint van "
        f"{_utc(r.checkpoint_written_at)} (digest {r.checkpoint_digest})"
    )


def print_trail(trail: Trail) -> None:
    """Which checkpoint the stores were held to, the last restore, and every untrusted file."""
    if trail.baseline is None:
        console.print(
            f"[yellow]geen checkpoint van deze opslag[/] in {trail.settings.directory}: "
            "weggehaalde laatste feiten zijn zo niet te zien (wvp checkpoint)",
            highlight=False,
        )
    else:
        console.print(f"getoetst aan het {describe(trail.baseline)}", highlight=False)
    if trail.restore is not None:
        console.print(describe_restore(trail.restore), highlight=False)
    for path, reason in trail.rejected:
        console.print(f"[red]checkpoint niet te vertrouwen:[/] {path}: {reason}", highlight=False)


def audit_export_command(
    dossier: Dossier,
    as_role: AlsRol,
    subject: Persoon,
    org: Organisatie,
    out: Annotated[Path, typer.Option("--out", help="Uitvoerbestand")],
    fmt: Annotated[str, typer.Option("--format", help="pdf, html of json")] = "pdf",
) -> None:
    """Schrijf het bewijsdossier voor UWV: kalender, documenten, toegangslog en hashketen."""
    if fmt not in FORMATS:
        raise CliError(f"--format: kies uit {', '.join(FORMATS)}")
    actor = _actor(as_role, subject, org)
    with platform() as p:
        b = export(p, dossier, actor, fmt, out)
    keten = "intact" if b["ketting"]["ok"] else "GEBROKEN"
    console.print(f"Bewijsdossier geschreven naar {out} (hashketen {keten}).")


def rebuild_command() -> None:
    """Bouw alle leesprojecties opnieuw op uit de opslagen en vergelijk ze met de huidige."""
    with platform() as p, voortgangsbalk() as balk:
        taak = balk.add_task("herbouwen", total=None)
        report = rebuild(p, lambda n, total: balk.update(taak, completed=n, total=total))
    console.print(
        f"{report.events} feiten, {report.dossiers} dossiers in {report.seconds:.2f} s "
        f"({report.events_per_second:,.0f} feiten/s)."
    )
    for verschil in report.differences:
        console.print(f"[red]verschil:[/] {verschil}", highlight=False)
    if not report.equal:
        raise typer.Exit(1)
    console.print("[green]herbouwd gelijk aan de huidige projecties[/]")


def register(app: typer.Typer) -> None:
    app.command("replay")(een_regel(replay_command))
    app.command("verify")(een_regel(verify_command))
    app.command("rebuild")(een_regel(rebuild_command))
    audit = typer.Typer(help="Bewijs voor UWV-geschillen en audits.", no_args_is_help=True)
    audit.command("export")(een_regel(audit_export_command))
    app.add_typer(audit, name="audit")
