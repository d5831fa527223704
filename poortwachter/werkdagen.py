"""Working days as the Algemene termijnenwet (Atw) counts them.

A legal term that ends on a Saturday, a Sunday or a generally recognised holiday runs on to the
next day that is none of those (Atw art. 1). The holidays are those of art. 3: lid 1 names New
Year's Day, Easter Monday, Whit Monday, both Christmas days, Ascension Day, the day the King's
birthday is celebrated and 5 May; lid 2 adds Good Friday. The `holidays` package's Dutch calendar
has all of them but keeps 5 May only in lustrum years (many collective agreements give the day
off only then); the Atw lists it every year, so it is added here. Days the government equates
with holidays by decree (art. 3 lid 3, published per three years) are not included.
"""

from datetime import date, timedelta
from functools import cache

from holidays.countries import Netherlands


class _AtwFeestdagen(Netherlands):
    def _populate_public_holidays(self) -> None:
        super()._populate_public_holidays()
        self._add_holiday_may_5("Bevrijdingsdag")  # every year: Atw art. 3 lid 1


@cache
def _feestdagen(jaar: int) -> frozenset[date]:
    return frozenset(_AtwFeestdagen(years=jaar))


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def eerste_werkdag(vanaf: date) -> date:
    """`vanaf` itself when it is a working day, else the first working day after it."""
    dag = vanaf
    while not is_werkdag(dag):  # at most a long weekend with holidays: a handful of days
        dag += timedelta(days=1)
    return dag


def werkdagen_vanaf(begin: date, aantal: int) -> date:
    """The `aantal`-th working day counted from `begin` (itself included when it is one)."""
    dag, geteld = eerste_werkdag(begin), 1
    while geteld < aantal:  # bounded: `aantal` working days, each at most a long weekend away
        dag = eerste_werkdag(dag + timedelta(days=1))
        geteld += 1
    return dag
