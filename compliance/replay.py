"""Replay: one dossier as one party may read it, cut by valid time and by recorded time.

`as_of` keeps the facts whose valid date (`geldig_op`) is on or before it: what was true then, as
far as the platform knows now. `known_at` keeps the facts recorded at or before it: what the
platform knew then. Both together answer "what did we know at T about day D". The cut, the view
and the derived state are the read model's (`readmodel.timeline.cut`, `readmodel.view`,
`readmodel.state`) and the decision the policies' (`policies.inzage`), as for a GraphQL query, so
a replay and a query with the same arguments agree.
`replay_history` is that code path for any history: the stores' (`replay`) or Kafka's
(`compliance.kafka`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from events import Actor
from policies.inzage import Decision, decide
from policies.platform import DossierPlatform
from poortwachter import Verplichting
from readmodel.state import Stand, stand_van
from readmodel.timeline import Entry, cut
from readmodel.view import DossierView


class ReplayRefused(PermissionError):
    """The party may not read the dossier, or it does not exist (the two look the same)."""


@dataclass(frozen=True)
class Bron:
    """Where the history came from. From Kafka without the bedrijfsarts-side key, medical facts
    arrive without their payload (`onleesbaar`, by fact id): type, dates and actor only."""

    naam: str = "opslag"
    medische_inhoud: bool = True
    onleesbaar: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Replay:
    view: DossierView
    actor: Actor
    peildatum: date
    kalender: list[Verplichting]
    stand: Stand
    bron: Bron = Bron()

    @property
    def visible(self) -> list[Entry]:
        return self.view.visible


def replay(
    platform: DossierPlatform,
    dossier_id: str,
    actor: Actor,
    as_of: date | None = None,
    known_at: datetime | None = None,
    peildatum: date | None = None,
) -> Replay:
    """The dossier as `actor` may read it, cut at `as_of` (valid) and `known_at` (recorded).

    The calendar is judged on `peildatum`, by default the valid-time cut, else the day of the
    recorded-time cut, else today. The read decision is taken once and logged, so replays show up
    in the dossier's access log like any other read.
    """
    _check_known_at(known_at)
    decision = decide(platform, actor, dossier_id)
    return replay_history(
        platform.history(dossier_id), dossier_id, actor, decision, as_of, known_at, peildatum
    )


def replay_history(
    history: Iterable[tuple[str, Any]],
    dossier_id: str,
    actor: Actor,
    decision: Decision,
    as_of: date | None = None,
    known_at: datetime | None = None,
    peildatum: date | None = None,
    bron: Bron = Bron(),
) -> Replay:
    """The replay of a dossier `history` ((service, event) in recorded order) under `decision`:
    one code path for a history read from the stores and one read from Kafka."""
    _check_known_at(known_at)
    if not decision.allowed:
        raise ReplayRefused(
            f"{actor.rol.value} {actor.persoon_id} heeft geen inzage in dossier {dossier_id}"
        )
    view = DossierView(dossier_id, decision, as_of, known_at, cut(history, as_of, known_at))
    op = view.peildatum(peildatum)
    return Replay(view, actor, op, view.kalender(op), stand_van(view.visible), bron)


def _check_known_at(known_at: datetime | None) -> None:
    if known_at is not None and known_at.tzinfo is None:
        raise ValueError("known_at needs a timezone (recorded time is stored in UTC)")


def entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "type": entry.type,
        "service": entry.service,
        "classificatie": entry.classificatie,
        "geldig_op": entry.geldig_op.isoformat(),
        "geregistreerd": entry.recorded_at.isoformat(),
        "actor": entry.actor,
        "data": entry.data,
        "hash": entry.hash,
    }


def verplichting_dict(v: Verplichting) -> dict[str, Any]:
    return {
        "code": v.code,
        "omschrijving": v.omschrijving,
        "wettelijk": v.wettelijk,
        "uiterlijk": v.uiterlijk.isoformat() if v.uiterlijk else None,
        "status": v.status.value,
        "gedaan_op": v.gedaan_op.isoformat() if v.gedaan_op else None,
        "vastgelegd_op": v.vastgelegd_op.isoformat() if v.vastgelegd_op else None,
        "te_laat_vastgelegd": v.te_laat_vastgelegd,
        "stand": v.stand,
        "reden": v.reden,
        "uitvoerder": v.uitvoerder.value,
        "beoordelaar": v.beoordelaar.value if v.beoordelaar else None,
        "classificatie": v.classificatie.value,
    }


def replay_dict(r: Replay) -> dict[str, Any]:
    """The replay as JSON-ready data: what `wvp replay --json` prints."""
    s = r.stand
    return {
        "dossier_id": r.view.dossier_id,
        "als": {"rol": r.actor.rol.value, "persoon_id": r.actor.persoon_id},
        "as_of": r.view.as_of.isoformat() if r.view.as_of else None,
        "known_at": r.view.known_at.isoformat() if r.view.known_at else None,
        "peildatum": r.peildatum.isoformat(),
        "classificaties": sorted(r.view.decision.classificaties),
        "bron": r.bron.naam,
        "medische_inhoud": "beschikbaar"
        if r.bron.medische_inhoud
        else "niet beschikbaar: geen sleutel van de bedrijfsarts-zijde",
        # Visible facts whose payload could not be opened; never hidden ones (that would tell a
        # party without medical access that medical facts exist).
        "onleesbaar": [e.id for e in r.visible if e.id in r.bron.onleesbaar],
        "stand": {
            "status": s.status,
            "eerste_ziektedag": s.eerste_ziektedag.isoformat() if s.eerste_ziektedag else None,
            "hersteld_op": s.hersteld_op.isoformat() if s.hersteld_op else None,
            "verzuimpercentage": s.verzuimpercentage,
            "plan_van_aanpak_op": s.plan_van_aanpak_op.isoformat()
            if s.plan_van_aanpak_op
            else None,
            "bijstellingen": s.bijstellingen,
        },
        "tijdlijn": [entry_dict(e) for e in r.visible],
        "kalender": [verplichting_dict(v) for v in r.kalender],
    }
