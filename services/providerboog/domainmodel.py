"""Aggregates of the providerboog service. Its store is encrypted: reports hold health data."""

from events import Actor
from events import providerboog as c
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class Provider(ChainedAggregate, opening=c.ProviderGeregistreerd):
    """An entry in the catalogue of providers the bedrijfsarts or employer can refer to."""

    evolve = fact_dispatch()

    @evolve.register
    def _geregistreerd(self, provider: c.ProviderGeregistreerd, feit: Feit) -> None:
        self.naam = provider.naam
        self.soort = provider.soort


class ProviderDossier(
    ChainedAggregate,
    opening=DossierGeopend,
    facts=(
        c.VerwijzingOntvangen,
        c.VerwijzingGeaccepteerd,
        c.InterventieGestart,
        c.VoortgangsrapportageIngediend,
        c.InterventieAfgerond,
        c.FactuurIngediend,
        c.FactuurspecificatieVastgelegd,
    ),
):
    """The referrals of one dossier and what came of them."""

    evolve = fact_dispatch()

    @evolve.register
    def _ontvangen(self, verwijzing: c.VerwijzingOntvangen, feit: Feit) -> None:
        self.verwijzingen[verwijzing.verwijzing_id] = {
            "provider_id": verwijzing.provider_id,
            "status": "ontvangen",
        }

    @evolve.register
    def _geaccepteerd(self, acceptatie: c.VerwijzingGeaccepteerd, feit: Feit) -> None:
        self.verwijzingen[acceptatie.verwijzing_id]["status"] = "geaccepteerd"

    @evolve.register
    def _gestart(self, start: c.InterventieGestart, feit: Feit) -> None:
        self.verwijzingen[start.verwijzing_id]["status"] = "lopend"

    @evolve.register
    def _afgerond(self, afronding: c.InterventieAfgerond, feit: Feit) -> None:
        self.verwijzingen[afronding.verwijzing_id]["status"] = "afgerond"

    def init_state(self) -> None:
        self.verwijzingen: dict[str, dict] = {}

    def vereis_verwijzing(self, verwijzing_id: str, *statussen: str) -> dict:
        verwijzing = self.verwijzingen.get(verwijzing_id)
        if verwijzing is None:
            raise DomainRuleViolated(f"verwijzing {verwijzing_id} is niet ontvangen")
        if verwijzing["status"] not in statussen:
            raise DomainRuleViolated(
                f"verwijzing {verwijzing_id} is {verwijzing['status']}, "
                f"verwacht: {' of '.join(statussen)}"
            )
        return verwijzing

    def accepteer(self, acceptatie: c.VerwijzingGeaccepteerd, actor: Actor) -> None:
        verwijzing = self.vereis_verwijzing(acceptatie.verwijzing_id, "ontvangen")
        if verwijzing["provider_id"] != acceptatie.provider_id:
            raise DomainRuleViolated(
                f"verwijzing {acceptatie.verwijzing_id} is niet aan "
                f"{acceptatie.provider_id} gericht"
            )
        self.record(acceptatie, actor)

    def start_interventie(self, start: c.InterventieGestart, actor: Actor) -> None:
        self.vereis_verwijzing(start.verwijzing_id, "geaccepteerd")
        self.record(start, actor)

    def rapporteer(self, rapportage: c.VoortgangsrapportageIngediend, actor: Actor) -> None:
        self.vereis_verwijzing(rapportage.verwijzing_id, "lopend")
        self.record(rapportage, actor)

    def rond_af(self, afronding: c.InterventieAfgerond, actor: Actor) -> None:
        self.vereis_verwijzing(afronding.verwijzing_id, "lopend")
        self.record(afronding, actor)

    def factureer(
        self,
        factuur: c.FactuurIngediend,
        specificatie: c.FactuurspecificatieVastgelegd | None,
        actor: Actor,
    ) -> None:
        self.vereis_verwijzing(factuur.verwijzing_id, "geaccepteerd", "lopend", "afgerond")
        self.record(factuur, actor)
        if specificatie is not None:
            self.record(specificatie, actor)
