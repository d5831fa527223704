"""Facts recorded by the providerboog service: the catalogue, referrals, reports and invoices."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from events.contract import Contract, Id, Kort, Tekst
from events.envelope import Classificatie as C


class _Providerboog(Contract):
    dienst: ClassVar[str] = "providerboog"


class ProviderSoort(StrEnum):
    PSYCHOLOOG = "psycholoog"
    FYSIOTHERAPEUT = "fysiotherapeut"
    MEDIATOR = "mediator"
    GGZ_SNELTRAJECT = "ggz_sneltraject"
    REINTEGRATIEBEDRIJF = "reintegratiebedrijf"


class ProviderGeregistreerd(_Providerboog):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    provider_id: Id
    naam: Kort
    soort: ProviderSoort


class VerwijzingOntvangen(_Providerboog):
    """A referral reached the provider; the question may hold health data."""

    classificatie: ClassVar[C] = C.MEDISCH

    verwijzing_id: Id
    provider_id: Id
    vraagstelling: Tekst


class VerwijzingGeaccepteerd(_Providerboog):
    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    verwijzing_id: Id
    provider_id: Id


class InterventieGestart(_Providerboog):
    classificatie: ClassVar[C] = C.MEDISCH

    verwijzing_id: Id
    omschrijving: Tekst


class VoortgangsrapportageIngediend(_Providerboog):
    """Goes to the bedrijfsarts only."""

    classificatie: ClassVar[C] = C.MEDISCH

    verwijzing_id: Id
    rapportage: Tekst


class InterventieAfgerond(_Providerboog):
    classificatie: ClassVar[C] = C.MEDISCH

    verwijzing_id: Id
    resultaat: Tekst


class FactuurIngediend(_Providerboog):
    """The invoice as the employer receives it: amount and period, no health details."""

    classificatie: ClassVar[C] = C.ADMINISTRATIEF

    factuur_id: Id
    verwijzing_id: Id
    bedrag_centen: int = Field(ge=0, le=100_000_000)
    omschrijving: Kort


class FactuurspecificatieVastgelegd(_Providerboog):
    """The health details of the same invoice, for the bedrijfsarts' medical secretariat."""

    classificatie: ClassVar[C] = C.MEDISCH

    factuur_id: Id
    specificatie: Tekst
