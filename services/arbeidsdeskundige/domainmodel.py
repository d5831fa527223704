"""Aggregate of the arbeidsdeskundige service."""

from events import Actor
from events import arbeidsdeskundige as c
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class AdDossier(
    ChainedAggregate,
    opening=DossierGeopend,
    facts=(
        c.OpdrachtOntvangen,
        c.AdviesgesprekGehouden,
        c.BelastbaarheidOntvangen,
        c.ArbeidsdeskundigRapportOpgeleverd,
    ),
):
    evolve = fact_dispatch()

    @evolve.register
    def _belastbaarheid(self, _: c.BelastbaarheidOntvangen, feit: Feit) -> None:
        self.heeft_belastbaarheid = True

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
