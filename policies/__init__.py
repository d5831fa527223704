"""Access policies of the WVP platform: Rego in this folder, evaluated by OPA.

`engine` holds the policy interface and its two engines, `context` builds the policy input from
recorded facts, `enforcement` applies decisions to commands and reads, `decisionlog` records
every decision per dossier.
"""

from policies.enforcement import Forbidden
from policies.engine import Decision, PolicyEngine, PolicyError, engine_from_env

__all__ = ["Decision", "Forbidden", "PolicyEngine", "PolicyError", "engine_from_env"]
