"""Message contracts of the Kafka integrations: what HR systems, arbodiensten and UWV send in,
and what the employer's insurer receives.

Modelled on the SIVI Verzuimstandaard (start, wijziging, einde, correctie, intrekking of a
verzuimmelding), in the platform's own terms. These are messages, not facts: the platform turns
a valid, authorised message into one of its own commands, which records the facts. Unknown
fields are refused, as in the event contracts, so nothing medical can arrive under another name.
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from events.contract import Id, Kort, Tekst
from events.uwv_submission import WiaUitkomst


class _Bericht(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    # Unique per sender: a message delivered twice with the same id is applied once.
    bericht_id: Id
    geldig_op: date


class _Verzuimbericht(_Bericht):
    """About one employee of one employer; the platform finds the dossier itself."""

    werkgever_id: Id
    werknemer_id: Id


class Ziekmelding(_Verzuimbericht):
    """Start of verzuim: becomes `registreer_ziekmelding`."""

    soort: Literal["ziekmelding"]
    verzuimpercentage: int = Field(default=100, ge=1, le=100)
    verwachte_duur_dagen: int | None = Field(default=None, ge=1, le=800)
    arbeidsongeval: bool = False
    verkeersongeval_derde: bool = False
    vangnetregeling: bool = False


class Wijziging(_Verzuimbericht):
    """A changed percentage during the open period: becomes `wijzig_verzuimpercentage`."""

    soort: Literal["wijziging"]
    verzuimpercentage: int = Field(ge=1, le=100)


class Herstelmelding(_Verzuimbericht):
    """End of verzuim (full herstel), possibly backdated: becomes `registreer_herstel`."""

    soort: Literal["herstelmelding"]


class Correctie(_Verzuimbericht):
    """A correction of an earlier message: exactly one of the first sick day, the herstel date
    or the percentage, with the reason. It becomes the matching correcting command
    (`corrigeer_eerste_ziektedag`, `corrigeer_herstel`, `wijzig_verzuimpercentage`); what was
    recorded before stays, next to the correction."""

    soort: Literal["correctie"]
    gecorrigeerd_bericht_id: Id
    eerste_ziektedag: date | None = None
    hersteld_op: date | None = None
    verzuimpercentage: int | None = Field(default=None, ge=1, le=100)
    reden: Tekst | None = None

    @model_validator(mode="after")
    def _een_correctie(self):
        genoemd = [self.eerste_ziektedag, self.hersteld_op, self.verzuimpercentage]
        if sum(v is not None for v in genoemd) != 1:
            raise ValueError(
                "een correctie noemt precies een van eerste_ziektedag, hersteld_op of "
                "verzuimpercentage"
            )
        return self


class Intrekking(_Verzuimbericht):
    """The withdrawal of an earlier message. A ziekmelding made by mistake becomes
    `trek_ziekmelding_in` (the dossier is withdrawn, nothing deleted); withdrawing a wijziging
    or herstelmelding is not supported: send a correctie instead."""

    soort: Literal["intrekking"]
    ingetrokken_bericht_id: Id
    ingetrokken_soort: Literal["ziekmelding", "wijziging", "herstelmelding"]
    reden: Tekst | None = None


Verzuimmelding = Annotated[
    Ziekmelding | Wijziging | Herstelmelding | Correctie | Intrekking,
    Field(discriminator="soort"),
]


class _UwvBericht(_Bericht):
    """About a dossier the platform reported to UWV; UWV answers with its reference."""

    dossier_id: Id


class Ontvangstbevestiging(_UwvBericht):
    """UWV confirms the 42-weken melding: `registreer_ontvangstbevestiging`."""

    soort: Literal["ontvangstbevestiging"]
    kenmerk: Kort


class WiaUitnodiging(_UwvBericht):
    """Week 88, UWV's invitation to apply for WIA: `registreer_wia_uitnodiging`."""

    soort: Literal["wia_uitnodiging"]


class RivToets(_UwvBericht):
    """UWV's judgement of the re-integratieverslag; insufficient means a loonsanctie until the
    given day: `registreer_riv_toets`."""

    soort: Literal["riv_toets"]
    voldoende: bool
    loonsanctie_tot: date | None = None
    motivering: Tekst


class WiaBeslissing(_UwvBericht):
    """UWV's WIA decision: `registreer_wia_besluit`."""

    soort: Literal["wia_beslissing"]
    uitkomst: WiaUitkomst
    arbeidsongeschiktheid_percentage: int = Field(ge=0, le=100)


class Deskundigenoordeel(_UwvBericht):
    """UWV's answer to a request for a deskundigenoordeel: `registreer_deskundigenoordeel`."""

    soort: Literal["deskundigenoordeel"]
    vraag: Kort
    oordeel: Tekst


class Verlenging(_UwvBericht):
    """UWV grants the joint request to extend the waiting period: `verleng_wachttijd`."""

    soort: Literal["verlenging"]
    weken: int = Field(ge=1, le=52)
    kenmerk: Kort


class Bekorting(_UwvBericht):
    """UWV shortens a loonsanctie after the repair: `bekort_loonsanctie`."""

    soort: Literal["bekorting"]
    eindigt_op: date
    kenmerk: Kort


UwvBericht = Annotated[
    Ontvangstbevestiging
    | WiaUitnodiging
    | RivToets
    | WiaBeslissing
    | Deskundigenoordeel
    | Verlenging
    | Bekorting,
    Field(discriminator="soort"),
]


class VerzekeraarMelding(BaseModel):
    """What the employer's insurer learns of an absence: when it started, its percentage, and
    when it ended. Administrative only; the model has no other fields, so no more can leave."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bericht_id: Kort  # the platform's id of the fact this message reports
    soort: Literal["ziekmelding", "wijziging", "herstelmelding"]
    dossier_id: Id
    werkgever_id: Id
    werknemer_id: Id
    geldig_op: date
    verzuimpercentage: int | None = Field(default=None, ge=1, le=100)
    verwachte_duur_dagen: int | None = Field(default=None, ge=1, le=800)
    # A relapse within four weeks continues the earlier period (samentelling).
    samengeteld: bool = False


# The published message schemas: name -> type (`events.schemas` writes one file each).
BERICHTEN: dict[str, TypeAdapter] = {
    "Verzuimmelding": TypeAdapter(Verzuimmelding),
    "UwvBericht": TypeAdapter(UwvBericht),
    "VerzekeraarMelding": TypeAdapter(VerzekeraarMelding),
}
