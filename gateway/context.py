"""Per-request context: the gateway, the authenticated caller and this request's decisions."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from events import Actor
from gateway.access import Decision
from gateway.errors import error, forbidden
from gateway.service import DossierView, Gateway


@dataclass
class Context:
    gateway: Gateway
    actor: Actor | None = None
    request: Any = None
    response: Any = None
    connection_params: dict[str, Any] | None = None  # set by the websocket handshake
    _decisions: dict[str, Decision] = field(default_factory=dict)
    _views: dict[tuple, DossierView] = field(default_factory=dict)

    def caller(self) -> Actor:
        if self.actor is None:
            raise error("UNAUTHENTICATED", "niet aangemeld")
        return self.actor

    def prime(self, dossier_id: str, decision: Decision) -> None:
        """Keep a decision already taken in this request (the caseload decides per dossier)."""
        self._decisions.setdefault(dossier_id, decision)

    async def decision(self, dossier_id: str) -> Decision:
        """The read decision for a dossier, taken once per request."""
        if dossier_id not in self._decisions:
            self._decisions[dossier_id] = await self.gateway.run(
                self.gateway.decide, self.caller(), dossier_id
            )
        return self._decisions[dossier_id]

    async def view(
        self, dossier_id: str, as_of: date | None = None, known_at: datetime | None = None
    ) -> DossierView:
        """The caller's view of a dossier at a valid and recorded time."""
        decision = await self.decision(dossier_id)
        if not decision.allowed:  # unknown and not permitted look the same: ids cannot be probed
            raise forbidden(f"dossier {dossier_id}")
        key = (dossier_id, as_of, known_at)
        if key not in self._views:
            self._views[key] = await self.gateway.run(
                self.gateway.view, dossier_id, decision, as_of, known_at
            )
        return self._views[key]
