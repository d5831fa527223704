"""Per-request context: the gateway, the authenticated caller and this request's decisions."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from events import Actor
from gateway.errors import error, forbidden
from gateway.service import Gateway
from policies.inzage import Decision
from readmodel.view import DossierView


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

    async def view(
        self, dossier_id: str, as_of: date | None = None, known_at: datetime | None = None
    ) -> DossierView:
        """The caller's view of a dossier at a valid and recorded time; the read decision is
        taken once per request, with the first view in the same turn of the worker."""
        key = (dossier_id, as_of, known_at)
        if dossier_id not in self._decisions:
            decision, view = await self.gateway.decided_view(
                self.caller(), dossier_id, (as_of, known_at)
            )
            self._decisions.setdefault(dossier_id, decision)
            if view is not None:
                self._views.setdefault(key, view)
        decision = self._decisions[dossier_id]
        if not decision.allowed:  # unknown and not permitted look the same: ids cannot be probed
            raise forbidden(f"dossier {dossier_id}")
        if key not in self._views:
            self._views[key] = await self.gateway.run(
                self.gateway.view, dossier_id, decision, as_of, known_at
            )
        return self._views[key]
