"""Aggregate of the uwv_submission service."""

from events import Actor
from events import uwv_submission as c
from services.shared.aggregate import ChainedAggregate
from services.shared.errors import DomainRuleViolated, RivIncomplete

Feit = ChainedAggregate.Feit


class UwvDossier(ChainedAggregate):
    class DossierGeopend(ChainedAggregate.Opening):
        pass

    class RivOnderdeelOntvangen(Feit):
        def evolve(self, dossier):
            dossier.riv_onderdelen.add(self.data["onderdeel"])

    class RivSamengesteld(Feit):
        def evolve(self, dossier):
            dossier.riv_samengesteld = True

    class Melding42WekenIngediend(Feit):
        def evolve(self, dossier):
            dossier.melding_42_weken = True

    class WiaAanvraagIngediend(Feit):
        def evolve(self, dossier):
            dossier.wia_aangevraagd = True

    class WiaAanvraagformulierOntvangen(Feit):
        pass

    class OntvangstbevestigingUwv(Feit):
        pass

    class UwvInGebrekeGesteld(Feit):
        pass

    class RivToetsUitkomst(Feit):
        pass

    class WiaBesluitOntvangen(Feit):
        pass

    class DeskundigenoordeelUitkomst(Feit):
        pass

    class VervroegdeIvaAangevraagd(Feit):
        pass

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
