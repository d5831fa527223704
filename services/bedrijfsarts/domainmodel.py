"""Aggregates of the bedrijfsarts service. Its store is encrypted: most facts here are medical."""

from events import Actor
from events import bedrijfsarts as c
from services.shared.aggregate import ChainedAggregate
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class MedischDossier(ChainedAggregate):
    class DossierGeopend(ChainedAggregate.Opening):
        pass

    class ToestemmingGegeven(Feit):
        def evolve(self, dossier):
            dossier.toestemmingen.add(self.data["toestemming_id"])

    class ToestemmingIngetrokken(Feit):
        def evolve(self, dossier):
            dossier.toestemmingen.discard(self.data["toestemming_id"])

    class ScreeningUitgevoerd(Feit):
        pass

    class TriageInformatieVastgelegd(Feit):
        pass

    class TriageOordeelGegeven(Feit):
        pass

    class OordeelGerapporteerd(Feit):
        pass

    class MedischeInformatieOpgevraagd(Feit):
        pass

    class WerknemerOpgeroepen(Feit):
        pass

    class ConsultGehouden(Feit):
        pass

    class ProbleemanalyseOpgeleverd(Feit):
        pass

    class MedischeProbleemanalyseVastgelegd(Feit):
        pass

    class BelastbaarheidVastgesteld(Feit):
        pass

    class ActueelOordeelGegeven(Feit):
        pass

    class HerstelprognoseAfgegeven(Feit):
        pass

    class VerwezenNaarProvider(Feit):
        pass

    class MedischDeelRivOverhandigd(Feit):
        pass

    def init_state(self) -> None:
        self.toestemmingen: set[str] = set()

    def trek_toestemming_in(self, intrekking: c.ToestemmingIngetrokken, actor: Actor) -> None:
        if intrekking.toestemming_id not in self.toestemmingen:
            raise DomainRuleViolated(f"toestemming {intrekking.toestemming_id} is niet actief")
        self.record(intrekking, actor)

    def vraag_informatie_op(self, verzoek: c.MedischeInformatieOpgevraagd, actor: Actor) -> None:
        if verzoek.toestemming_id not in self.toestemmingen:
            raise DomainRuleViolated(
                "medische informatie opvragen kan alleen met vastgelegde, niet ingetrokken "
                f"toestemming van de werknemer (toestemming {verzoek.toestemming_id} ontbreekt)"
            )
        self.record(verzoek, actor)


class Taakdelegatie(ChainedAggregate):
    """A bedrijfsarts' delegation of tasks to a casemanager in taakdelegatie (CMTD)."""

    class TaakdelegatieVerleend(ChainedAggregate.Opening):
        def evolve(self, delegatie):
            delegatie.bedrijfsarts_id = self.actor["persoon_id"]
            delegatie.gedelegeerde_id = self.data["gedelegeerde_id"]
            delegatie.taken = list(self.data["taken"])
            delegatie.dossiers = self.data["dossiers"]
            delegatie.van = self.geldig_op
            delegatie.tot = self.data["tot"]

    class TaakdelegatieIngetrokken(Feit):
        def evolve(self, delegatie):
            delegatie.ingetrokken_op = self.geldig_op

    def init_state(self) -> None:
        self.ingetrokken_op = None

    def trek_in(self, intrekking: c.TaakdelegatieIngetrokken, actor: Actor) -> None:
        if self.ingetrokken_op is not None:
            raise DomainRuleViolated(f"delegatie is al ingetrokken per {self.ingetrokken_op}")
        if actor.persoon_id != self.bedrijfsarts_id:
            raise DomainRuleViolated("alleen de bedrijfsarts die delegeerde kan intrekken")
        self.record(intrekking, actor)
