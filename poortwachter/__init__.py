"""The poortwachter calendar: every step of the Wet verbetering poortwachter with its due date.

`feiten` turns a dossier's history into the facts the calendar needs; `kalender` turns those facts
and a peildatum into obligations with a status. Both are pure: no I/O and no clock.
"""

from poortwachter.feiten import DossierFeiten, Stap, Uitvoering, feiten_uit_historie
from poortwachter.kalender import CODES, RIJEN, Rij, Status, Verplichting, kalender, signalen

__all__ = [
    "CODES",
    "RIJEN",
    "DossierFeiten",
    "Rij",
    "Stap",
    "Status",
    "Uitvoering",
    "Verplichting",
    "feiten_uit_historie",
    "kalender",
    "signalen",
]
