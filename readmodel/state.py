"""A dossier's derived state, as pure functions of the facts a reader may see.

GraphQL, replay, the evidence bundle and the dossier index all state "hersteld per", the
absence percentage and the RIV status; they take them from here, so the rule is written once.
Each function reads only the entries it is given: a reader that may not see a fact gets the
state without it, never a value that betrays it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from events.uwv_submission import RIV_VERPLICHT
from readmodel.timeline import Entry

# Facts that end, reopen or correct the course of the sickness.
VERLOOP = ("HerstelmeldingGeregistreerd", "ZiekmeldingSamengeteld", "HerstelGecorrigeerd")
# Facts that set the absence percentage; the latest by valid date (then recorded time) holds.
PERCENTAGE = ("ZiekmeldingGeregistreerd", "ZiekmeldingSamengeteld", "VerzuimpercentageGewijzigd")


def _laatste(entries: Iterable[Entry], types: tuple[str, ...]) -> Entry | None:
    found = [e for e in entries if e.type in types]
    return max(found, key=lambda e: (e.geldig_op, e.recorded_at), default=None)


def eerste_ziektedag(entries: Iterable[Entry]) -> date | None:
    """The ziekmelding's first sick day, or the day its latest correction names."""
    dag = None
    for e in entries:  # recorded order: a later correction replaces an earlier one
        if e.type == "EersteZiektedagGecorrigeerd" or (
            e.type == "ZiekmeldingGeregistreerd" and dag is None
        ):
            dag = e.geldig_op
    return dag


def hersteld_op(entries: Iterable[Entry]) -> date | None:
    """The herstel day of the last spell; None while the employee is ill (or none is visible).
    A corrected herstel date replaces the one it names."""
    verloop: list[tuple[date, object, bool]] = []  # (valid date, recorded, is a herstel)
    for e in entries:
        if e.type == "HerstelGecorrigeerd":
            vorige = e.data.get("vorige_hersteldatum")
            verloop = [v for v in verloop if not (v[2] and v[0].isoformat() == vorige)]
        if e.type in VERLOOP:
            verloop.append((e.geldig_op, e.recorded_at, e.type != "ZiekmeldingSamengeteld"))
    laatste = max(verloop, key=lambda v: (v[0], v[1]), default=None)
    return laatste[0] if laatste and laatste[2] else None


def ingetrokken(entries: Iterable[Entry]) -> bool:
    """Whether the ziekmelding was withdrawn as made by mistake."""
    return any(e.type == "ZiekmeldingIngetrokken" for e in entries)


@dataclass(frozen=True)
class RivStatus:
    aanwezig: list[str]
    ontbrekend: list[str]
    samengesteld: bool


def riv_status(entries: Iterable[Entry]) -> RivStatus:
    """Which parts of the re-integratieverslag UWV has, which it still needs, and whether the
    verslag was put together."""
    entries = list(entries)
    aanwezig = sorted({e.data["onderdeel"] for e in entries if e.type == "RivOnderdeelOntvangen"})
    return RivStatus(
        aanwezig=aanwezig,
        ontbrekend=[o.value for o in RIV_VERPLICHT if o.value not in aanwezig],
        samengesteld=any(e.type == "RivSamengesteld" for e in entries),
    )


@dataclass(frozen=True)
class Stand:
    """The dossier's state within a cut, from the visible facts only (None: not visible)."""

    eerste_ziektedag: date | None
    hersteld_op: date | None
    verzuimpercentage: int | None
    plan_van_aanpak_op: date | None
    bijstellingen: int

    ingetrokken: bool = False

    @property
    def status(self) -> str:
        if self.eerste_ziektedag is None:
            return "onbekend"
        if self.ingetrokken:
            return "ingetrokken"
        return "open" if self.hersteld_op is None else "hersteld"


def stand_van(visible: list[Entry]) -> Stand:
    eerste = eerste_ziektedag(visible)
    percentage = _laatste(visible, PERCENTAGE)
    plannen = [e.geldig_op for e in visible if e.type == "PlanVanAanpakVastgesteld"]
    return Stand(
        eerste_ziektedag=eerste,
        hersteld_op=hersteld_op(visible) if eerste else None,
        verzuimpercentage=percentage.data["verzuimpercentage"] if percentage else None,
        plan_van_aanpak_op=max(plannen, default=None),
        bijstellingen=sum(e.type == "PlanVanAanpakBijgesteld" for e in visible),
        ingetrokken=ingetrokken(visible),
    )
