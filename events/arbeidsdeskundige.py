"""Facts recorded by the arbeidsdeskundige service."""

from typing import ClassVar

from events.contract import Contract, Id, Kort, Tekst
from events.envelope import Classificatie as C


class _Arbeidsdeskundige(Contract):
    dienst: ClassVar[str] = "arbeidsdeskundige"


class OpdrachtOntvangen(_Arbeidsdeskundige):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    opdrachtgever: Id
    vraag: Tekst


class AdviesgesprekGehouden(_Arbeidsdeskundige):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    verslag: Tekst


class BelastbaarheidOntvangen(_Arbeidsdeskundige):
    """The bedrijfsarts' FML/IZP or probleemanalyse reached the arbeidsdeskundige (functional)."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    bron: Kort  # FML, IZP or probleemanalyse
    beperkingen: list[Kort]


class ArbeidsdeskundigRapportOpgeleverd(_Arbeidsdeskundige):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    conclusie: Tekst
    passend_eigen_werk: bool
    spoor2_advies: bool
