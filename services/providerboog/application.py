"""Commands and reactions of the providerboog service."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from events import bedrijfsarts as ba
from events import providerboog as c
from events.contract import Id, Kort, Tekst
from events.werkgever import ZiekmeldingGeregistreerd
from services.providerboog.domainmodel import Provider, ProviderDossier
from services.shared.aggregate import aggregate_id, fact_dispatch
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult, command
from services.shared.errors import DomainRuleViolated


class FactuurInvoer(BaseModel):
    """An invoice as the provider sends it. Health details, if any, are split off for the BA."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    geldig_op: date
    factuur_id: Id
    verwijzing_id: Id
    bedrag_centen: int = Field(ge=0, le=100_000_000)
    omschrijving: Kort
    medische_specificatie: Tekst | None = None


class ProviderboogApplication(ServiceApplication):
    name = "providerboog"
    encrypted = True
    dossier_class = ProviderDossier

    def _dossier(self, dossier_id: str) -> ProviderDossier:
        return self.load(self.dossier_key(dossier_id), f"dossier {dossier_id}")

    def provider_key(self, provider_id: str):
        return aggregate_id(self.name, f"provider/{provider_id}")

    @command("registreer_provider", c.ProviderGeregistreerd, dossier="none")
    def registreer_provider(self, actor, registratie) -> CommandResult:
        key = self.provider_key(registratie.provider_id)
        if self.exists(key):
            raise DomainRuleViolated(f"provider {registratie.provider_id} staat al in de catalogus")
        return self.commit(None, Provider.open(key, None, registratie, actor))

    def provider(self, provider_id: str) -> Provider:
        return self.load(self.provider_key(provider_id), f"provider {provider_id}")

    def _step(self, actor, dossier_id, feit, step: str) -> CommandResult:
        dossier = self._dossier(dossier_id)
        getattr(dossier, step)(feit, actor)
        return self.commit(dossier_id, dossier)

    @command("accepteer_verwijzing", c.VerwijzingGeaccepteerd)
    def accepteer_verwijzing(self, actor, dossier_id, acceptatie) -> CommandResult:
        return self._step(actor, dossier_id, acceptatie, "accepteer")

    @command("start_interventie", c.InterventieGestart)
    def start_interventie(self, actor, dossier_id, start) -> CommandResult:
        return self._step(actor, dossier_id, start, "start_interventie")

    @command("dien_voortgangsrapportage_in", c.VoortgangsrapportageIngediend)
    def dien_voortgangsrapportage_in(self, actor, dossier_id, rapportage) -> CommandResult:
        return self._step(actor, dossier_id, rapportage, "rapporteer")

    @command("rond_interventie_af", c.InterventieAfgerond)
    def rond_interventie_af(self, actor, dossier_id, afronding) -> CommandResult:
        return self._step(actor, dossier_id, afronding, "rond_af")

    @command("dien_factuur_in", FactuurInvoer)
    def dien_factuur_in(self, actor, dossier_id, invoer: FactuurInvoer) -> CommandResult:
        factuur = c.FactuurIngediend(**invoer.model_dump(exclude={"medische_specificatie"}))
        specificatie = None
        if invoer.medische_specificatie:
            specificatie = c.FactuurspecificatieVastgelegd(
                geldig_op=invoer.geldig_op,
                factuur_id=invoer.factuur_id,
                specificatie=invoer.medische_specificatie,
            )
        dossier = self._dossier(dossier_id)
        dossier.factureer(factuur, specificatie, actor)
        return self.commit(dossier_id, dossier)

    react = fact_dispatch()
    react.register(ZiekmeldingGeregistreerd, ServiceApplication.open_dossier)

    @react.register
    def _verwijzing(self, verwijzing: ba.VerwezenNaarProvider, event, processing_event) -> None:
        ontvangen = c.VerwijzingOntvangen(**verwijzing.model_dump())
        self.record_reaction(event, processing_event, ontvangen)
