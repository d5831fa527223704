"""Aggregate of the uwv_submission service."""

from events import Actor
from events import uwv_submission as c
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated, RivIncomplete

Feit = ChainedAggregate.Feit


class UwvDossier(
    ChainedAggregate,
    opening=DossierGeopend,
    facts=(
        c.RivOnderdeelOntvangen,
        c.RivSamengesteld,
        c.Melding42WekenIngediend,
        c.WiaAanvraagIngediend,
        c.WiaAanvraagformulierOntvangen,
        c.OntvangstbevestigingUwv,
        c.UwvInGebrekeGesteld,
        c.RivToetsUitkomst,
        c.WiaBesluitOntvangen,
        c.DeskundigenoordeelUitkomst,
        c.VervroegdeIvaAangevraagd,
        c.UwvBriefOntvangen,
    ),
):
    evolve = fact_dispatch()

    @evolve.register
    def _riv_onderdeel(self, onderdeel: c.RivOnderdeelOntvangen, feit: Feit) -> None:
        self.riv_onderdelen.add(onderdeel.onderdeel.value)

    @evolve.register
    def _riv(self, _: c.RivSamengesteld, feit: Feit) -> None:
        self.riv_samengesteld = True

    @evolve.register
    def _melding(self, _: c.Melding42WekenIngediend, feit: Feit) -> None:
        self.melding_42_weken = True

    @evolve.register
    def _wia(self, _: c.WiaAanvraagIngediend, feit: Feit) -> None:
        self.wia_aangevraagd = True

    def init_state(self) -> None:
        self.riv_onderdelen: set[str] = set()
        self.riv_samengesteld = False
        self.melding_42_weken = False
        self.wia_aangevraagd = False

    @property
    def riv_ontbrekend(self) -> list[str]:
        return [o.value for o in c.RIV_VERPLICHT if o.value not in self.riv_onderdelen]

    def stel_riv_samen(self, riv: c.RivSamengesteld, actor: Actor) -> None:
        if self.riv_ontbrekend:
            raise RivIncomplete(self.riv_ontbrekend)
        self.record(riv, actor)

    def dien_wia_aanvraag_in(self, aanvraag: c.WiaAanvraagIngediend, actor: Actor) -> None:
        if not self.riv_samengesteld:
            raise DomainRuleViolated("een WIA-aanvraag vraagt eerst een samengesteld RIV")
        self.record(aanvraag, actor)

    def vereis_melding_42_weken(self, feit, actor: Actor) -> None:
        """UWV only acts on a case it knows of through the 42-weken melding."""
        if not self.melding_42_weken:
            raise DomainRuleViolated("UWV kent dit dossier nog niet: de 42-weken melding ontbreekt")
        self.record(feit, actor)
