"""The per-caller view: one dossier as one caller may read it, at one valid and recorded time.

GraphQL (through the gateway, embedded or on Kafka), replay and the evidence bundle all read a
dossier through a `DossierView`, so what a caller sees is cut in one place. What the caller may
see comes from the policy's read decision (`policies.inzage.Decision`); the view needs only
the two questions a decision answers, named by `Zicht`.
"""

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from poortwachter import Verplichting, feiten_uit_historie, kalender
from readmodel.timeline import Entry
from services.shared import clock


class Zicht(Protocol):
    """What a read decision grants: the classifications, and the kinds of fact in view."""

    @property
    def allowed(self) -> bool: ...

    @property
    def classificaties(self) -> frozenset[str]: ...

    def sees(self, service: str, fact_type: str) -> bool: ...


@dataclass
class DossierView:
    """One dossier as one caller may read it, at one valid and recorded time."""

    dossier_id: str
    decision: Zicht
    as_of: date | None
    known_at: datetime | None
    entries: list[Entry] = field(repr=False)  # all facts in the time window, hidden ones too

    @functools.cached_property  # every field of a dossier query starts from it
    def visible(self) -> list[Entry]:
        sees = functools.cache(self.decision.sees)  # a dossier has few kinds of fact
        return [e for e in self.entries if sees(e.service, e.type)]

    def peildatum(self, gegeven: date | None = None) -> date:
        """The day to judge the calendar on: given, else the valid-time cut, else the
        recorded-time cut, else today."""
        if gegeven is not None:
            return gegeven
        if self.as_of is not None:
            return self.as_of
        return self.known_at.date() if self.known_at else clock.today()

    def kalender(self, peildatum: date) -> list[Verplichting]:
        """The calendar from every fact in the time window; rows of a hidden kind left out.

        Each row has a fixed classification, so a hidden row's absence reveals nothing.
        """
        if not any(e.type == "ZiekmeldingGeregistreerd" for e in self.entries):
            return []  # a time cut before the ziekmelding: nothing is due yet
        zichtbaar = self.decision.classificaties
        rijen = _KALENDERS.get(self.entries, peildatum)
        return [v for v in rijen if v.classificatie.value in zichtbaar]


class _Kalenders:
    """Calendars already worked out, by the facts they come from and the peildatum.

    A calendar is a pure function of those, the same for every caller (what a caller may see is
    cut from it afterwards), and fact ids are unique, so a calendar found here is exact.
    """

    SIZE = 512

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: OrderedDict[tuple, list[Verplichting]] = OrderedDict()

    def get(self, entries: list[Entry], peildatum: date) -> list[Verplichting]:
        key = (peildatum, *(e.id for e in entries))
        with self._lock:
            rijen = self._known.get(key)
            if rijen is not None:
                self._known.move_to_end(key)
                return rijen
        rijen = kalender(feiten_uit_historie((e.service, e.event) for e in entries), peildatum)
        with self._lock:
            self._known[key] = rijen
            if len(self._known) > self.SIZE:
                self._known.popitem(last=False)
        return rijen


_KALENDERS = _Kalenders()
