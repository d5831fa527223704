"""Facts recorded by the uwv_submission service: what goes to UWV and what comes back."""

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, model_validator

from events.contract import Contract, Kort, Tekst
from events.envelope import Classificatie as C


class _Uwv(Contract):
    dienst: ClassVar[str] = "uwv_submission"


class RivOnderdeel(StrEnum):
    """The parts of a re-integratieverslag; `RIV_VERPLICHT` lists those UWV always expects."""

    PROBLEEMANALYSE = "probleemanalyse"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    EINDEVALUATIE = "eindevaluatie"
    ACTUEEL_OORDEEL = "actueel_oordeel"
    MEDISCH_DEEL = "medisch_deel"
    ZIENSWIJZE_WERKNEMER = "zienswijze_werknemer"
    ARBEIDSDESKUNDIG_RAPPORT = "arbeidsdeskundig_rapport"
    SPOOR2 = "spoor2"
    DESKUNDIGENOORDEEL = "deskundigenoordeel"


RIV_VERPLICHT = (
    RivOnderdeel.PROBLEEMANALYSE,
    RivOnderdeel.PLAN_VAN_AANPAK,
    RivOnderdeel.EERSTEJAARSEVALUATIE,
    RivOnderdeel.EINDEVALUATIE,
    RivOnderdeel.ACTUEEL_OORDEEL,
    RivOnderdeel.MEDISCH_DEEL,
    RivOnderdeel.ZIENSWIJZE_WERKNEMER,
)


class RivOnderdeelOntvangen(_Uwv):
    """Another service produced a part of the RIV (only that it exists; no content)."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    onderdeel: RivOnderdeel
    bron_event_id: Kort


class Melding42WekenIngediend(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    kenmerk: Kort


class RivSamengesteld(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    onderdelen: list[RivOnderdeel]


class WiaAanvraagformulierOntvangen(_Uwv):
    """Week 88: UWV sent the invitation to apply for WIA, and its receipt was checked."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF


class WiaAanvraagIngediend(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    kenmerk: Kort


class OntvangstbevestigingUwv(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    kenmerk: Kort


class UwvInGebrekeGesteld(_Uwv):
    """Week 101: UWV decided too late; notice of default."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF


class RivToetsUitkomst(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    voldoende: bool
    loonsanctie_tot: date | None = None
    motivering: Tekst

    @model_validator(mode="after")
    def _sanctie_bij_onvoldoende(self):
        if self.voldoende == (self.loonsanctie_tot is not None):
            raise ValueError("een loonsanctie hoort bij een onvoldoende toets, en alleen daar")
        return self


class WachttijdVerlengd(_Uwv):
    """UWV grants the joint request of employer and employee to extend the waiting period
    (art. 24 lid 1 WIA, at most 52 weeks in all). It comes before the WIA application, and the
    RIV, the application and UWV's decision move with it."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    weken: int = Field(ge=1, le=52)
    kenmerk: Kort


class LoonsanctieBekort(_Uwv):
    """UWV confirms that the employer repaired what the RIV test found lacking: the loonsanctie
    ends on `eindigt_op`, the day UWV names, instead of at its full length (art. 25 lid 9 WIA;
    domain.md, bekorting)."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    eindigt_op: date
    kenmerk: Kort

    @model_validator(mode="after")
    def _niet_voor_het_besluit(self):
        if self.eindigt_op < self.geldig_op:
            raise ValueError(
                f"eindigt_op {self.eindigt_op} ligt voor de bekorting zelf ({self.geldig_op})"
            )
        return self


class BezwaarTegen(StrEnum):
    """The UWV decisions a party may object to."""

    LOONSANCTIE = "loonsanctie"
    WIA_BESLUIT = "wia_besluit"


# Objection period against a decision (art. 6:7 Algemene wet bestuursrecht).
BEZWAARTERMIJN_WEKEN = 6


class BezwaarIngediend(_Uwv):
    """A party objects to a UWV decision, within six weeks of it (art. 6:7 Awb): the employer
    against a loonsanctie, employer or employee against the WIA decision."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    tegen: BezwaarTegen
    kenmerk: Kort


class WiaUitkomst(StrEnum):
    IVA = "IVA"
    WGA = "WGA"
    GEEN = "geen"


class WiaBesluitOntvangen(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    uitkomst: WiaUitkomst
    arbeidsongeschiktheid_percentage: int = Field(ge=0, le=100)


class DeskundigenoordeelUitkomst(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    vraag: Kort
    oordeel: Tekst


class VervroegdeIvaAangevraagd(_Uwv):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF


class UwvBriefSoort(StrEnum):
    """What a letter from UWV is about."""

    ONTVANGSTBEVESTIGING = "ontvangstbevestiging"
    WIA_UITNODIGING = "wia_uitnodiging"
    WIA_BEOORDELING_UITNODIGING = "wia_beoordeling_uitnodiging"  # the assessment, before week 101
    RIV_TOETS = "riv_toets"
    WIA_BESLUIT = "wia_besluit"
    DESKUNDIGENOORDEEL = "deskundigenoordeel"
    OVERIG = "overig"


class UwvBriefOntvangen(_Uwv):
    """A party of the dossier reports a letter it received from UWV: its date, reference and what
    it says. UWV's decisions themselves come only from UWV (its integration or a UWV user); a
    reported letter is evidence of what the party was told, never the decision."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    gedateerd: date  # the date on the letter; `geldig_op` is the day it was received
    kenmerk: Kort
    soort: UwvBriefSoort
    samenvatting: Tekst

    @model_validator(mode="after")
    def _ontvangen_na_dagtekening(self):
        if self.gedateerd > self.geldig_op:
            raise ValueError(
                f"een brief van {self.gedateerd} kan niet op {self.geldig_op} zijn ontvangen"
            )
        return self
