"""Full rebuild: drop the read projections and build them again from the stores, then prove the
result equal to what the live read paths give.

The platform's read projections are
* the dossier index (`readmodel.index.DossierIndex`), kept by following the
  services' notification logs (also what `wvp dossiers` lists);
* per dossier the poortwachter calendar facts (`DossierFeiten`), which the live paths derive from
  `platform.history` aggregate by aggregate.

The rebuild reads every store once, front to back, in notification order, and sorts each
dossier's facts into recorded order exactly as `platform.history` does. The services' aggregates
and their tracking positions are the source of truth, not projections: they are left alone
(replaying the reactions would record them a second time).
"""

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from policies.platform import DossierPlatform
from poortwachter import DossierFeiten, feiten_uit_historie
from poortwachter.feiten import GENEGEERD
from readmodel.index import DossierIndex, DossierRecord
from readmodel.port import in_recorded_order, notifications

Progress = Callable[[int, int], None]  # (events read, events in the stores)


@dataclass
class Projections:
    index: dict[str, DossierRecord]
    feiten: dict[str, DossierFeiten]


@dataclass
class RebuildReport:
    events: int
    dossiers: int
    seconds: float  # reading, decoding and projecting; the comparison is not counted
    differences: list[str] = field(default_factory=list)
    rebuilt: Projections | None = field(default=None, repr=False)

    @property
    def equal(self) -> bool:
        return not self.differences

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


@cache  # a store holds few topics
def _changes_nothing(topic: str) -> bool:
    """Whether events of `topic` ("module:Class.Event") leave the calendar's facts as they are."""
    return topic.rsplit(".", 1)[-1].rsplit(":", 1)[-1] in GENEGEERD


def build(platform: DossierPlatform, progress: Progress | None = None) -> tuple[Projections, int]:
    """Every projection from scratch, reading each store once; returns them and the events read."""
    total = sum(log.position() for log in platform.services)
    per_dossier: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    # Decoding (for the medical services: decrypting) is most of the cost, so events that change
    # no calendar fact are counted but not decoded.
    keys: dict[tuple[str, str], Any] = {}
    read = 0
    for log in platform.services:  # in platform order, so equal timestamps sort as in `history`
        for notification in notifications(log):
            read += 1
            if progress is not None and read % 500 == 0:
                progress(read, total)
            if _changes_nothing(notification.topic):
                continue
            event = log.decode(notification)
            dossier_id = getattr(event, "dossier_id", None)
            if not dossier_id:
                continue
            key = keys.get((log.name, dossier_id))
            if key is None:
                key = keys[(log.name, dossier_id)] = log.dossier_key(dossier_id)
            # Only the dossier's own aggregates: a Dienstverband names the dossier in its data.
            if event.originator_id == key:
                per_dossier[dossier_id].append((log.name, event))
    if progress is not None:
        progress(read, max(read, total))
    index = DossierIndex(platform).refresh()
    feiten = {d: feiten_uit_historie(in_recorded_order(facts)) for d, facts in per_dossier.items()}
    return Projections(dict(index.dossiers), feiten), read


def compare(
    platform: DossierPlatform, rebuilt: Projections, live: DossierIndex | None
) -> list[str]:
    """Where the rebuilt projections differ from the live read paths."""
    differences = []
    listings = {}
    if live is not None:
        listings["index gateway"] = dict(live.refresh().dossiers)
    for name, records in listings.items():
        for d in sorted(set(records) | set(rebuilt.index)):
            if records.get(d) != rebuilt.index.get(d):
                differences.append(
                    f"{name}, dossier {d}: {records.get(d)} != {rebuilt.index.get(d)}"
                )
    for d in sorted(set(rebuilt.feiten) | set(rebuilt.index)):
        live_feiten = feiten_uit_historie(platform.history(d))
        if rebuilt.feiten.get(d) != live_feiten:
            differences.append(f"kalenderfeiten, dossier {d}: herbouwd wijkt af van de historie")
    return differences


def rebuild(
    platform: DossierPlatform, progress: Progress | None = None, live: DossierIndex | None = None
) -> RebuildReport:
    """Drop and rebuild every read projection, then compare it with the live ones (`live`: the
    gateway's running index, when there is one)."""
    started = time.perf_counter()
    rebuilt, read = build(platform, progress)
    seconds = time.perf_counter() - started
    report = RebuildReport(read, len(rebuilt.index), seconds, rebuilt=rebuilt)
    report.differences = compare(platform, rebuilt, live)
    return report
