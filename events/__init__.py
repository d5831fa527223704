"""Event contracts of the WVP dossier.

Every fact the platform records is described here once: its payload schema (a pydantic model that
rejects unknown fields), its version, its data classification and the service that owns it.
"""

# Importing the per-service modules registers their contracts.
from events import (  # noqa: F401
    arbeidsdeskundige,
    bedrijfsarts,
    gedeeld,
    providerboog,
    uwv_submission,
    werkgever,
)
from events.contract import CONTRACTS, Contract, ContractViolation, violation
from events.envelope import Actor, Classificatie, Rol

__all__ = [
    "CONTRACTS",
    "Actor",
    "Classificatie",
    "Contract",
    "ContractViolation",
    "Rol",
    "violation",
]
