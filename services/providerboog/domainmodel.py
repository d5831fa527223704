"""Aggregates of the providerboog service. Its store is encrypted: reports hold health data."""

from events import Actor
from events import providerboog as c
from services.shared.aggregate import ChainedAggregate
from services.shared.errors import DomainRuleViolated

Feit = ChainedAggregate.Feit


class Provider(ChainedAggregate):
    """An entry in the catalogue of providers the bedrijfsarts or employer can refer to."""

    class ProviderGeregistreerd(ChainedAggregate.Opening):
        def evolve(self, provider):
            provider.naam = self.data["naam"]
            provider.soort = self.data["soort"]


class ProviderDossier(ChainedAggregate):
    """The referrals of one dossier and what came of them."""

    class DossierGeopend(ChainedAggregate.Opening):
        pass

    class VerwijzingOntvangen(Feit):
        def evolve(self, dossier):
            dossier.verwijzingen[self.data["verwijzing_id"]] = {
                "provider_id": self.data["provider_id"],
                "status": "ontvangen",
            }

    class VerwijzingGeaccepteerd(Feit):
        def evolve(self, dossier):
            dossier.verwijzingen[self.data["verwijzing_id"]]["status"] = "geaccepteerd"

    class InterventieGestart(Feit):
        def evolve(self, dossier):
            dossier.verwijzingen[self.data["verwijzing_id"]]["status"] = "lopend"

    class VoortgangsrapportageIngediend(Feit):
        pass

    class InterventieAfgerond(Feit):
        def evolve(self, dossier):
            dossier.verwijzingen[self.data["verwijzing_id"]]["status"] = "afgerond"

    class FactuurIngediend(Feit):
        pass

    class FactuurspecificatieVastgelegd(Feit):
        pass

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
