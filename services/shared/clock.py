"""The platform's notion of "now".

Recorded time (transaction time) of every event comes from here, so tests and the simulator can
move the clock; in production it is the wall clock in UTC. A day, though, is a Dutch day: the
law's terms and a fact's valid date are dates in the Netherlands, so "today" and the day a fact
was recorded are taken in Europe/Amsterdam (at 00:30 Dutch time it is already tomorrow there,
while UTC still says today).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

NEDERLAND = ZoneInfo("Europe/Amsterdam")
_frozen: datetime | None = None


def now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(tz=UTC)


def today() -> date:
    """Today in the Netherlands."""
    return local_date(now())


def local_date(moment: datetime) -> date:
    """The Dutch date of a moment (recorded times are in UTC)."""
    return moment.astimezone(NEDERLAND).date()


def set_clock(moment: datetime | None) -> None:
    """Fix the clock at `moment` (timezone-aware), or give it back to the wall clock with None."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        raise ValueError("the clock needs a timezone-aware moment")
    _frozen = moment


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    previous = _frozen
    set_clock(moment)
    try:
        yield
    finally:
        set_clock(previous)
