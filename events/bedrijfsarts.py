"""Facts recorded by the bedrijfsarts service: the medical file, judgements and taakdelegatie."""

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, model_validator

from events.contract import Contract, Id, Kort, Tekst
from events.envelope import Classificatie as C


class _Bedrijfsarts(Contract):
    dienst: ClassVar[str] = "bedrijfsarts"


class ScreeningUitgevoerd(_Bedrijfsarts):
    """Week 1: who to call first."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    prioriteit: int = Field(ge=1, le=5)


class TriageInformatieVastgelegd(_Bedrijfsarts):
    """Information gathered in a triage call (a CMTD may do this under delegation)."""

    classificatie: ClassVar[C] = C.MEDISCH

    aantekening: Tekst


class TriageOordeelGegeven(_Bedrijfsarts):
    """The judgement whether the cause is medical. Only the bedrijfsarts gives it."""

    classificatie: ClassVar[C] = C.MEDISCH

    medische_oorzaak: bool
    psychische_klachten: bool = False
    medische_informatie_nodig: bool = False
    toelichting: Tekst


class OordeelGerapporteerd(_Bedrijfsarts):
    """Week 2: the bedrijfsarts' judgement as reported to the employer (can work yes/no)."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    kan_werken: bool
    toelichting: Tekst


class ToestemmingGegeven(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.MEDISCH

    toestemming_id: Id
    behandelaar: Kort
    doel: Tekst


class ToestemmingIngetrokken(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.MEDISCH

    toestemming_id: Id


class MedischeInformatieOpgevraagd(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.MEDISCH

    toestemming_id: Id
    behandelaar: Kort
    vraag: Tekst


class WerknemerOpgeroepen(_Bedrijfsarts):
    """The employee is called to the consultation."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    datum_consult: date


class ConsultGehouden(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.MEDISCH

    verslag: Tekst
    medische_verandering: bool = False


class MedischeSituatieGemonitord(_Bedrijfsarts):
    """The monthly check of changes in the medical situation (bedrijfsarts, or a CMTD under
    delegation); a change calls for a bijstelling of probleemanalyse and plan van aanpak."""

    classificatie: ClassVar[C] = C.MEDISCH

    verandering: bool
    aantekening: Tekst


class ProbleemanalyseOpgeleverd(_Bedrijfsarts):
    """The part of the probleemanalyse the employer receives: functional, no diagnosis."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    mogelijkheden: Tekst
    beperkingen: Tekst
    advies: Tekst


class MedischeProbleemanalyseVastgelegd(_Bedrijfsarts):
    """The medical part of the same probleemanalyse; stays with the bedrijfsarts."""

    classificatie: ClassVar[C] = C.MEDISCH

    diagnose: Tekst
    behandeling: Tekst | None = None


class Belastbaarheidsinstrument(StrEnum):
    FML = "FML"
    IZP = "IZP"


class BelastbaarheidVastgesteld(_Bedrijfsarts):
    """An FML or IZP: functional possibilities and limitations."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    instrument: Belastbaarheidsinstrument
    beperkingen: list[Kort] = Field(min_length=1, max_length=100)
    duurzaam_geen_mogelijkheden: bool = False


class ActueelOordeelGegeven(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    conclusie: Tekst
    benutbare_mogelijkheden: bool


class HerstelprognoseAfgegeven(_Bedrijfsarts):
    """Before week 88: is recovery expected within 26 weeks?"""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    herstel_binnen_26_weken: bool
    toelichting: Tekst


class Taak(StrEnum):
    """What a bedrijfsarts may delegate, and (last two) what it may not."""

    TRIAGE = "triage"
    INFORMATIE_VASTLEGGEN = "informatie_vastleggen"
    MEDISCHE_INFORMATIE_OPVRAGEN = "medische_informatie_opvragen"
    WERKNEMER_OPROEPEN = "werknemer_oproepen"
    OORDEEL_RAPPORTEREN = "oordeel_rapporteren"
    MAANDELIJKSE_MONITORING = "maandelijkse_monitoring"
    PREVENTIE = "preventie"
    OORDEEL = "oordeel"
    RIE_TOETSING = "rie_toetsing"


NIET_DELEGEERBAAR = frozenset({Taak.OORDEEL, Taak.RIE_TOETSING})


class TaakdelegatieVerleend(_Bedrijfsarts):
    """A delegation to a CMTD: named tasks, for named dossiers or a whole caseload, for a period."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    delegatie_id: Id
    gedelegeerde_id: Id
    taken: list[Taak] = Field(min_length=1)
    dossiers: list[Id] | None = None  # None: the bedrijfsarts' whole caseload
    tot: date

    @model_validator(mode="after")
    def _alleen_delegeerbaar(self):
        verboden = NIET_DELEGEERBAAR.intersection(self.taken)
        if verboden:
            raise ValueError(f"niet delegeerbaar: {', '.join(sorted(verboden))}")
        if self.tot < self.geldig_op:
            raise ValueError("tot ligt voor de ingangsdatum")
        return self


class TaakdelegatieIngetrokken(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    delegatie_id: Id


class VerwezenNaarProvider(_Bedrijfsarts):
    classificatie: ClassVar[C] = C.MEDISCH

    verwijzing_id: Id
    provider_id: Id
    vraagstelling: Tekst


class MedischDeelRivOverhandigd(_Bedrijfsarts):
    """Before week 91 the medical part of the RIV goes to the employee, never via the employer."""

    classificatie: ClassVar[C] = C.MEDISCH

    samenvatting: Tekst
