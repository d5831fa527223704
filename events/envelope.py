"""What every event carries besides its payload: who acted and how sensitive the data is."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Classificatie(StrEnum):
    """Data classification; the policies decide per role which of these a party may see."""

    ADMINISTRATIEF = "administratief"  # absence facts: dates, percentages, who is involved
    FUNCTIONEEL = "functioneel"  # possibilities and limitations as judged by the bedrijfsarts
    MEDISCH = "medisch"  # diagnosis, treatment, anything about health itself


class Rol(StrEnum):
    WERKNEMER = "werknemer"
    WERKGEVER = "werkgever"
    CASEMANAGER = "casemanager"  # casemanager werkgeversregie (CM-WG)
    BEDRIJFSARTS = "bedrijfsarts"
    CMTD = "cmtd"  # casemanager in taakdelegatie, under the bedrijfsarts
    ARBEIDSDESKUNDIGE = "arbeidsdeskundige"
    PROVIDER = "provider"
    UWV = "uwv"
    VERZEKERAAR = "verzekeraar"
    COMPLIANCE = "compliance"
    SYSTEEM = "systeem"  # process policies acting on another service's event


class Actor(BaseModel):
    """The party on whose behalf an event was recorded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rol: Rol
    persoon_id: str = Field(min_length=1, max_length=128)
    organisatie: str = Field(min_length=1, max_length=128)
