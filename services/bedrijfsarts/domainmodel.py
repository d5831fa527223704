"""Aggregates of the bedrijfsarts service. Its store is encrypted: most facts here are medical."""

from events import Actor
from events import bedrijfsarts as c
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class MedischDossier(
    ChainedAggregate,
    opening=DossierGeopend,
    facts=(
        c.ToestemmingGegeven,
        c.ToestemmingIngetrokken,
        c.ScreeningUitgevoerd,
        c.TriageInformatieVastgelegd,
        c.TriageOordeelGegeven,
        c.OordeelGerapporteerd,
        c.MedischeInformatieOpgevraagd,
        c.WerknemerOpgeroepen,
        c.ConsultGehouden,
        c.MedischeSituatieGemonitord,
        c.ProbleemanalyseOpgeleverd,
        c.MedischeProbleemanalyseVastgelegd,
        c.BelastbaarheidVastgesteld,
        c.ActueelOordeelGegeven,
        c.HerstelprognoseAfgegeven,
        c.VerwezenNaarProvider,
        c.MedischDeelRivOverhandigd,
    ),
):
    evolve = fact_dispatch()

    @evolve.register
    def _toestemming(self, toestemming: c.ToestemmingGegeven, feit: Feit) -> None:
        self.toestemmingen.add(toestemming.toestemming_id)

    @evolve.register
    def _intrekking(self, intrekking: c.ToestemmingIngetrokken, feit: Feit) -> None:
        self.toestemmingen.discard(intrekking.toestemming_id)

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


class Taakdelegatie(
    ChainedAggregate, opening=c.TaakdelegatieVerleend, facts=(c.TaakdelegatieIngetrokken,)
):
    """A bedrijfsarts' delegation of tasks to a casemanager in taakdelegatie (CMTD)."""

    evolve = fact_dispatch()

    @evolve.register
    def _verleend(self, delegatie: c.TaakdelegatieVerleend, feit: Feit) -> None:
        self.bedrijfsarts_id = feit.actor["persoon_id"]
        self.gedelegeerde_id = delegatie.gedelegeerde_id
        self.taken = list(delegatie.taken)
        self.dossiers = delegatie.dossiers
        self.van = delegatie.geldig_op
        self.tot = delegatie.tot

    @evolve.register
    def _ingetrokken(self, intrekking: c.TaakdelegatieIngetrokken, feit: Feit) -> None:
        self.ingetrokken_op = intrekking.geldig_op

    def init_state(self) -> None:
        self.ingetrokken_op = None

    def trek_in(self, intrekking: c.TaakdelegatieIngetrokken, actor: Actor) -> None:
        if self.ingetrokken_op is not None:
            raise DomainRuleViolated(f"delegatie is al ingetrokken per {self.ingetrokken_op}")
        if actor.persoon_id != self.bedrijfsarts_id:
            raise DomainRuleViolated("alleen de bedrijfsarts die delegeerde kan intrekken")
        self.record(intrekking, actor)
