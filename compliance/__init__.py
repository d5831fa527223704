"""Compliance: the dossier as it was and as it was known, tamper evidence, evidence bundles and
a full rebuild of the read projections.

* `replay` cuts a dossier by valid time (`as_of`) and recorded time (`known_at`) through the
  gateway's projection and the caller's read decision; `compliance.kafka` does the same from the
  Kafka topics;
* `verify` walks every hash chain in every service store and anchors the chain heads;
* `checkpoint` signs every chain head apart from the stores, so a plain verify catches history
  cut short, and tells a rollback from a restore that `backup` recorded (backup and restore of the
  stores, each tied to a checkpoint);
* `export` writes the evidence bundle for a UWV dispute (JSON, HTML or PDF);
* `rebuild` rebuilds the read projections from the stores and compares them with the live ones.
"""

from compliance.bundle import export
from compliance.rebuild import rebuild
from compliance.replay import Replay, replay
from compliance.verify import VerifyReport, verify

__all__ = ["Replay", "VerifyReport", "export", "rebuild", "replay", "verify"]
