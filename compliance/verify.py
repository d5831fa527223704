"""Tamper evidence: walk every aggregate's hash chain in every service store.

Each stored event carries its predecessor's hash and a hash over its own content, so an edited,
reordered or removed event breaks its chain at a position `services.shared.chain.first_breach`
names. Removing the *last* events of a chain leaves a shorter chain that is still whole; only a
head kept elsewhere shows it. So the report lists every chain head (service, aggregate, version,
hash) and a digest over them, and heads kept elsewhere are checked: every kept head must still be
in its chain at the same version with the same hash (chains may have grown since, but not shrunk
or been rewritten). Two kinds are kept: an anchor (`verify --anchor`, an earlier report or the
evidence bundle, which records the dossier's heads) and the latest signed checkpoint
(`compliance.checkpoint`, which a plain `wvp verify` uses). `verify --expect-digest` checks that
nothing at all has changed since the digest was taken.

The decision log is outside this: its events form no hash chain.
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID

from readmodel.port import ServiceLog, notifications
from services.shared.chain import first_breach

_REMOVED = "(verwijderd)"  # the event type of an event that is no longer there

# What a breach calls a kept head, by where it was kept.
ANCHORED = "anchored head"
CHECKPOINTED = "checkpointed head"


@dataclass(frozen=True)
class Breach:
    """The first broken link of one chain."""

    service: str
    aggregate_id: str
    dossier_id: str | None
    position: int  # the aggregate version where the chain stops holding
    event_type: str
    reason: str

    def __str__(self) -> str:
        dossier = f"dossier {self.dossier_id}" if self.dossier_id else "buiten een dossier"
        return (
            f"{self.service}: {dossier} (aggregaat {self.aggregate_id}), "
            f"{self.event_type} op positie {self.position}: {self.reason}"
        )


@dataclass(frozen=True)
class Head:
    """The last event of an intact chain."""

    service: str
    aggregate_id: str
    dossier_id: str | None
    version: int
    hash: str


@dataclass
class VerifyReport:
    dossier_id: str | None  # None: every aggregate of every store
    aggregates: int = 0
    events: int = 0
    breaches: list[Breach] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaches

    @property
    def first(self) -> Breach | None:
        return self.breaches[0] if self.breaches else None

    @property
    def digest(self) -> str:
        """sha256 over every intact chain head, in a canonical order."""
        lines = sorted(f"{h.service} {h.aggregate_id} {h.version} {h.hash}\n" for h in self.heads)
        return hashlib.sha256("".join(lines).encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "dossier_id": self.dossier_id,
            "ok": self.ok,
            "aggregates": self.aggregates,
            "events": self.events,
            "breaches": [asdict(b) for b in self.breaches],
            "heads": [asdict(h) for h in self.heads],
            "digest": self.digest,
        }


Anchor = Mapping[tuple[str, str], Head]


class Stores(Protocol):
    """What verification reads: every service's log (a `DossierPlatform` is one, and so is a
    single service's store)."""

    @property
    def services(self) -> Sequence[ServiceLog]: ...


def load_anchor(path: Path) -> dict[tuple[str, str], Head]:
    """Chain heads from a saved verify report or evidence bundle (JSON)."""
    data = json.loads(path.read_text())
    report = data.get("ketting", data)
    if "heads" not in report:
        raise ValueError(f"{path} bevat geen ketenkoppen (heads)")
    return anchor_of(Head(**h) for h in report["heads"])


def anchor_of(heads: Iterable[Head]) -> dict[tuple[str, str], Head]:
    return {(h.service, h.aggregate_id): h for h in heads}


def _event_type(topic: str) -> str:
    return topic.rsplit(".", 1)[-1].rsplit(":", 1)[-1]


def _stored_chains(log: ServiceLog, dossier_id: str | None) -> Iterator[list[Any]]:
    """The stored (still encoded) events of each aggregate, in version order."""
    if dossier_id is not None:
        stored = log.stored_dossier_events(dossier_id)
        if stored:
            yield sorted(stored, key=lambda s: s.originator_version)
        return
    chains: dict[UUID, list[Any]] = defaultdict(list)
    for notification in notifications(log):
        chains[notification.originator_id].append(notification)
    for stored in chains.values():
        yield sorted(stored, key=lambda s: s.originator_version)


def _check(
    log: ServiceLog, stored: list[Any], kept: Mapping[str, Anchor]
) -> tuple[Breach | None, Head | None]:
    """The chain's first breach, or its head when it holds."""
    aggregate = str(stored[0].originator_id)
    events, unreadable = [], None
    for s in stored:
        try:
            events.append(log.decode(s))
        except Exception:  # an edited ciphertext or JSON no longer decodes: that is the finding
            unreadable = s
            break
    dossier_id = next((e.dossier_id for e in events if e.dossier_id), None)

    def breach(position: int, event_type: str, reason: str) -> Breach:
        return Breach(log.name, aggregate, dossier_id, position, event_type, reason)

    found = first_breach(events)
    if found is not None:
        return breach(found.position, found.event_type, found.reason), None
    if unreadable is not None:
        reason = "the stored event cannot be decoded (edited or corrupted)"
        return breach(unreadable.originator_version, _event_type(unreadable.topic), reason), None
    last = events[-1]
    for name, anchor in kept.items():
        anchored = anchor.get((log.name, aggregate))
        if anchored is None:
            continue
        if last.originator_version < anchored.version:
            reason = f"removed from here on ({name}: version {anchored.version})"
            return breach(last.originator_version + 1, _REMOVED, reason), None
        at = events[anchored.version - 1]
        if at.hash != anchored.hash:
            return breach(anchored.version, type(at).__name__, f"differs from the {name}"), None
    head = Head(log.name, aggregate, dossier_id, last.originator_version, last.hash)
    return None, head


def verify(
    platform: Stores,
    dossier_id: str | None = None,
    anchor: Anchor | None = None,
    checkpoint: Anchor | None = None,
) -> VerifyReport:
    """Check every chain (of one dossier, or all of them) in every service store.

    With `anchor` or `checkpoint` (the heads of a signed checkpoint), every kept head in scope
    must still be in its chain: a chain that is gone or shorter than its kept head counts as a
    breach too. Each chain reports its first breach only.
    """
    kept = {name: a for name, a in ((ANCHORED, anchor), (CHECKPOINTED, checkpoint)) if a}
    report = VerifyReport(dossier_id)
    seen: set[tuple[str, str]] = set()
    for log in platform.services:
        for stored in _stored_chains(log, dossier_id):
            breach, head = _check(log, stored, kept)
            report.aggregates += 1
            report.events += len(stored)
            seen.add((log.name, str(stored[0].originator_id)))
            if breach is not None:
                report.breaches.append(breach)
            else:
                report.heads.append(head)
    for name, kept_heads in kept.items():
        for key, head in kept_heads.items():
            in_scope = dossier_id is None or head.dossier_id == dossier_id
            if in_scope and key not in seen:
                seen.add(key)  # one breach per chain, also when both kept it
                reason = f"the whole chain is gone ({name}: version {head.version})"
                report.breaches.append(
                    Breach(head.service, head.aggregate_id, head.dossier_id, 1, _REMOVED, reason)
                )
    return report
