"""Facts recorded by the werkgever service: the employer, its casemanager and the employee."""

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from events.contract import Contract, Id, Kort, Tekst
from events.envelope import Classificatie as C


class _Werkgever(Contract):
    dienst: ClassVar[str] = "werkgever"


class ZiekmeldingGeregistreerd(_Werkgever):
    """Day 1. Only what the Autoriteit Persoonsgegevens lets an employer ask and register."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    werknemer_id: Id
    werkgever_id: Id
    telefoon: Kort | None = None
    verpleegadres: Kort | None = None
    verwachte_duur_dagen: int | None = Field(default=None, ge=1, le=800)
    lopende_taken: Tekst | None = None
    afspraken: Tekst | None = None
    arbeidsongeval: bool = False
    verkeersongeval_derde: bool = False  # regres: a liable third party may pay
    vangnetregeling: bool = False  # whether one applies; never which one
    verzuimpercentage: int = Field(default=100, ge=1, le=100)


class ZiekmeldingSamengeteld(ZiekmeldingGeregistreerd):
    """A new ziekmelding less than four weeks after herstel: it continues the same period."""

    vorige_hersteldatum: date


class VerzuimpercentageGewijzigd(_Werkgever):
    """Partial herstel or a relapse within an open period."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    verzuimpercentage: int = Field(ge=1, le=100)


class HerstelmeldingGeregistreerd(_Werkgever):
    """Full herstel; `geldig_op` is the effective day and may lie before the recording day."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF


class EersteZiektedagGecorrigeerd(_Werkgever):
    """The first sick day was recorded wrongly. `geldig_op` is the corrected first sick day; the
    service fills in the day it replaces. Nothing is deleted: a replay known before the
    correction still shows the old day, and the calendar re-bases on the new one."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF
    terugwerkend: ClassVar[bool] = True

    reden: Tekst
    vorige_eerste_ziektedag: date | None = None


class HerstelGecorrigeerd(_Werkgever):
    """The herstel date of the latest closed spell was recorded wrongly. `geldig_op` is the
    corrected herstel day; the service fills in the day it replaces. A correction that leaves
    four weeks or more before a later spell ends the samentelling: the calendar then counts
    from that later spell."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF
    terugwerkend: ClassVar[bool] = True

    reden: Tekst
    vorige_hersteldatum: date | None = None


class ZiekmeldingIngetrokken(_Werkgever):
    """The ziekmelding was made by mistake: the dossier is withdrawn, not deleted. Nothing falls
    due any more and the employee can be reported sick afresh."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    reden: Tekst


class VerlofSoort(StrEnum):
    ZWANGERSCHAP_EN_BEVALLING = "zwangerschap_en_bevalling"


class VerlofVastgelegd(_Werkgever):
    """A leave that interrupts the sickness, from `geldig_op` up to and including `tot`. Periods
    of incapacity just before and after a pregnancy and maternity leave count as one period
    (BW art. 7:629 lid 10): the leave days are no sick days and do not end the samentelling.
    Only the kind of leave is recorded, which the employer knows anyway; never why."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    soort: VerlofSoort
    tot: date

    @model_validator(mode="after")
    def _tot_na_begin(self):
        if self.tot < self.geldig_op:
            raise ValueError(f"het verlof eindigt ({self.tot}) voor het begint ({self.geldig_op})")
        return self


class DienstverbandBeeindigd(_Werkgever):
    """The employment ends while the employee is ill (ziek uit dienst); `geldig_op` is its last
    day. The employer's re-integration obligations end with it and UWV takes the case over; an
    eindevaluatie is due by that day after ten or more weeks of illness (domain.md)."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF


class Vangnetregeling(StrEnum):
    """The Ziektewet vangnet regulations under which UWV pays sickness benefit to the employer
    and wants the sickness reported early."""

    NO_RISKPOLIS = "no_riskpolis"
    ZWANGERSCHAP = "zwangerschap"
    ORGAANDONATIE = "orgaandonatie"


class VangnetregelingVastgelegd(_Werkgever):
    """The employee falls under a vangnet regulation of the Ziektewet. The employer may ask and
    register which one (AP; the werkwijzer), never the illness behind it; it brings the UWV
    ziekmelding forward from week 42."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    regeling: Vangnetregeling


class CasemanagerAangesteld(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    persoon_id: Id
    naam: Kort


class BedrijfsartsToegewezen(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    persoon_id: Id
    organisatie: Id


class ArbeidsdeskundigeToegewezen(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    persoon_id: Id
    organisatie: Id


class Afspraak(BaseModel):
    """One SMART agreement in a plan van aanpak (part of an event, not an event of its own)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wat: Tekst
    wie: Kort
    uiterlijk: date


class PlanVanAanpakVastgesteld(_Werkgever):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    doel: Tekst
    afspraken: list[Afspraak] = Field(min_length=1, max_length=50)
    financiele_gevolgen_uitgelegd: bool


class PlanVanAanpakBijgesteld(_Werkgever):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    reden: Tekst
    afspraken: list[Afspraak] = Field(min_length=1, max_length=50)


class GespreksOnderwerp(StrEnum):
    PROBLEEMANALYSE = "probleemanalyse"
    VOORTGANG = "voortgang"
    # The explanations the werkwijzer asks of the casemanager, each at its moment.
    FINANCIELE_GEVOLGEN = "financiele_gevolgen"  # week 8: long illness and WIA
    FINANCIELE_GEVOLGEN_TWEEDE_JAAR = "financiele_gevolgen_tweede_jaar"  # before week 52
    WIA_AANVRAAG = "wia_aanvraag"  # before week 88: the application and the assessment
    SITUATIE_NA_104_WEKEN = "situatie_na_104_weken"  # before week 104
    WIA_BESCHIKKING = "wia_beschikking"  # on receipt of the WIA decision


class GesprekGevoerd(_Werkgever):
    """A conversation between employer and employee, e.g. about the probleemanalyse (week 6)."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    onderwerp: GespreksOnderwerp
    verslag: Tekst


class PreWiaScanUitgevoerd(_Werkgever):
    """A pre-WIA scan, the risk estimate of a WIA inflow: the first before week 52, the second
    before week 58. Only that it was done; its findings stay with whoever made it."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    ronde: int = Field(ge=1, le=2)


class VoortgangVastgelegd(_Werkgever):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    samenvatting: Tekst
    stagnatie: bool = False


class EerstejaarsevaluatieVastgelegd(_Werkgever):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    conclusie: Tekst
    spoor2_nodig: bool
    perspectief_eigen_werk_binnen_3_maanden: bool = False


class Spoor2Gestart(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    reintegratiebedrijf_id: Id | None = None
    reden: Tekst


class DeskundigenoordeelVraag(StrEnum):
    PASSENDE_ARBEID = "passende_arbeid"
    INSPANNINGEN_WERKGEVER = "inspanningen_werkgever"
    INSPANNINGEN_WERKNEMER = "inspanningen_werknemer"
    GESCHIKT_EIGEN_WERK = "geschikt_eigen_werk"


class Aanvrager(StrEnum):
    """Either party may ask UWV for a deskundigenoordeel."""

    WERKGEVER = "werkgever"
    WERKNEMER = "werknemer"


class DeskundigenoordeelAangevraagd(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    vraag: DeskundigenoordeelVraag
    aanvrager: Aanvrager


class VerzekeraarGeinformeerd(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    verzekeraar_id: Id
    melding: Kort  # start, wijziging, herstel, wia-uitkomst


class EindevaluatieVastgelegd(_Werkgever):
    classificatie: ClassVar[C] = C.FUNCTIONEEL

    conclusie: Tekst


class ZienswijzeWerknemerVastgelegd(_Werkgever):
    """The employee's own view, part of the re-integratieverslag."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    zienswijze: Tekst


class VerlengingReden(StrEnum):
    VRIJWILLIG = "vrijwillig"
    GEZAMENLIJK_VERZOEK = "gezamenlijk_verzoek"


class LoondoorbetalingVerlengd(_Werkgever):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    reden: VerlengingReden
    weken: int = Field(ge=1, le=52)


class ProbleemanalyseOntvangen(_Werkgever):
    """The functional part of the bedrijfsarts' probleemanalyse as the employer receives it."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    mogelijkheden: Tekst
    beperkingen: Tekst
    advies: Tekst


class TriageUitkomstOntvangen(_Werkgever):
    """Whether the bedrijfsarts judged the cause medical; nothing about what the cause is."""

    classificatie: ClassVar[C] = C.FUNCTIONEEL

    medische_oorzaak: bool


class DienstverbandGeopend(_Werkgever):
    """The platform first sees an employment, at its first ziekmelding."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    werknemer_id: Id
    werkgever_id: Id


class VerzuimdossierGekoppeld(_Werkgever):
    """A new verzuimperiode (dossier) started for this employment."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    dossier_id: Id
