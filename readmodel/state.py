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

# Facts that end or reopen the sickness; the latest by valid date (then recorded time) holds.
VERLOOP = ("HerstelmeldingGeregistreerd", "ZiekmeldingSamengeteld")
# Facts that set the absence percentage; the latest by valid date (then recorded time) holds.
PERCENTAGE = ("ZiekmeldingGeregistreerd", "ZiekmeldingSamengeteld", "VerzuimpercentageGewijzigd")


def _laatste(entries: Iterable[Entry], types: tuple[str, ...]) -> Entry | None:
    found = [e for e in entries if e.type in types]
    return max(found, key=lambda e: (e.geldig_op, e.recorded_at), default=None)


def hersteld_op(entries: Iterable[Entry]) -> date | None:
    """The herstel day of the last spell; None while the employee is ill (or none is visible)."""
    laatste = _laatste(entries, VERLOOP)
    return laatste.geldig_op if laatste and laatste.type == "HerstelmeldingGeregistreerd" else None


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

    @property
    def status(self) -> str:
        if self.eerste_ziektedag is None:
            return "onbekend"
        return "open" if self.hersteld_op is None else "hersteld"


def stand_van(visible: list[Entry]) -> Stand:
    eerste = next((e.geldig_op for e in visible if e.type == "ZiekmeldingGeregistreerd"), None)
    percentage = _laatste(visible, PERCENTAGE)
    plannen = [e.geldig_op for e in visible if e.type == "PlanVanAanpakVastgesteld"]
    return Stand(
        eerste_ziektedag=eerste,
        hersteld_op=hersteld_op(visible) if eerste else None,
        verzuimpercentage=percentage.data["verzuimpercentage"] if percentage else None,
        plan_van_aanpak_op=max(plannen, default=None),
        bijstellingen=sum(e.type == "PlanVanAanpakBijgesteld" for e in visible),
    )
