"""Facts every service records in the same way."""

from typing import ClassVar

from events.contract import Contract, Id
from events.envelope import Classificatie as C


class DossierGeopend(Contract):
    """A service opened its part of a dossier after the ziekmelding reached it.

    For the bedrijfsarts this is the digital triage arriving on day 1.
    """

    dienst: ClassVar[str] = "gedeeld"
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    werknemer_id: Id
    werkgever_id: Id
