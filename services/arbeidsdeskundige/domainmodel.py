"""Aggregate of the arbeidsdeskundige service."""

from events import Actor
from events import arbeidsdeskundige as c
from services.shared.aggregate import ChainedAggregate
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class AdDossier(ChainedAggregate):
    class DossierGeopend(ChainedAggregate.Opening):
        pass

    class OpdrachtOntvangen(Feit):
        pass

    class AdviesgesprekGehouden(Feit):
        pass

    class BelastbaarheidOntvangen(Feit):
        def evolve(self, dossier):
            dossier.heeft_belastbaarheid = True

    class ArbeidsdeskundigRapportOpgeleverd(Feit):
        pass

    def init_state(self) -> None:
        self.heeft_belastbaarheid = False

    def lever_rapport_op(self, rapport: c.ArbeidsdeskundigRapportOpgeleverd, actor: Actor) -> None:
        # An adviesgesprek may happen any time; a formal judgement needs the BA's findings first.
        if not self.heeft_belastbaarheid:
            raise DomainRuleViolated(
                "een arbeidsdeskundig rapport vraagt eerst een FML/IZP of probleemanalyse "
                "van de bedrijfsarts"
            )
        self.record(rapport, actor)
