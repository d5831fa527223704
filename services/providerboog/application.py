"""Commands and reactions of the providerboog service."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from events import bedrijfsarts as ba
from events import providerboog as c
from events.contract import Id, Kort, Tekst
from events.werkgever import ZiekmeldingGeregistreerd
from services.providerboog.domainmodel import Provider, ProviderDossier
from services.shared.aggregate import aggregate_id, fact_dispatch
from services.shared.application import ServiceApplication, door
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
    reden_terugdatering: Kort | None = None  # see events.contract.Contract


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

    accepteer_verwijzing = command("accepteer_verwijzing", c.VerwijzingGeaccepteerd)(
        door("accepteer")
    )
    start_interventie = command("start_interventie", c.InterventieGestart)(
        door("start_interventie")
    )
    dien_voortgangsrapportage_in = command(
        "dien_voortgangsrapportage_in", c.VoortgangsrapportageIngediend
    )(door("rapporteer"))
    rond_interventie_af = command("rond_interventie_af", c.InterventieAfgerond)(door("rond_af"))

    @command("dien_factuur_in", FactuurInvoer)
    def dien_factuur_in(self, actor, dossier_id, invoer: FactuurInvoer) -> CommandResult:
        factuur = c.FactuurIngediend(**invoer.model_dump(exclude={"medische_specificatie"}))
        specificatie = None
        if invoer.medische_specificatie:
            specificatie = c.FactuurspecificatieVastgelegd(
                geldig_op=invoer.geldig_op,
                factuur_id=invoer.factuur_id,
                specificatie=invoer.medische_specificatie,
                reden_terugdatering=invoer.reden_terugdatering,
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
