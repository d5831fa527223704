"""Commands and reactions of the bedrijfsarts service."""

from datetime import date

from pydantic import BaseModel, ConfigDict

from events import Actor
from events import bedrijfsarts as c
from events.contract import Kort, Tekst
from events.werkgever import ZiekmeldingGeregistreerd
from services.bedrijfsarts.domainmodel import MedischDossier, Taakdelegatie
from services.shared.aggregate import aggregate_id, fact_dispatch
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult, command
from services.shared.errors import DomainRuleViolated


class ProbleemanalyseInvoer(BaseModel):
    """One probleemanalyse as the bedrijfsarts writes it; it is stored as two facts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    geldig_op: date
    mogelijkheden: Tekst
    beperkingen: Tekst
    advies: Tekst
    diagnose: Tekst
    behandeling: Tekst | None = None
    reden_terugdatering: Kort | None = None  # see events.contract.Contract


class BedrijfsartsApplication(ServiceApplication):
    name = "bedrijfsarts"
    encrypted = True
    dossier_class = MedischDossier
    record = ServiceApplication.record_on

    def _dossier(self, dossier_id: str) -> MedischDossier:
        return self.load(self.dossier_key(dossier_id), f"medisch dossier {dossier_id}")

    voer_screening_uit = command("voer_screening_uit", c.ScreeningUitgevoerd)(record)
    registreer_toestemming = command("registreer_toestemming", c.ToestemmingGegeven)(record)
    leg_triage_informatie_vast = command(
        "leg_triage_informatie_vast", c.TriageInformatieVastgelegd
    )(record)
    geef_triage_oordeel = command("geef_triage_oordeel", c.TriageOordeelGegeven)(record)
    rapporteer_oordeel = command("rapporteer_oordeel", c.OordeelGerapporteerd)(record)
    roep_werknemer_op = command("roep_werknemer_op", c.WerknemerOpgeroepen)(record)
    leg_consult_vast = command("leg_consult_vast", c.ConsultGehouden)(record)
    monitor_medische_situatie = command("monitor_medische_situatie", c.MedischeSituatieGemonitord)(
        record
    )
    stel_belastbaarheid_vast = command("stel_belastbaarheid_vast", c.BelastbaarheidVastgesteld)(
        record
    )
    geef_actueel_oordeel = command("geef_actueel_oordeel", c.ActueelOordeelGegeven)(record)
    geef_herstelprognose = command("geef_herstelprognose", c.HerstelprognoseAfgegeven)(record)
    verwijs_naar_provider = command("verwijs_naar_provider", c.VerwezenNaarProvider)(record)
    overhandig_medisch_deel_riv = command(
        "overhandig_medisch_deel_riv", c.MedischDeelRivOverhandigd
    )(record)

    @command("trek_toestemming_in", c.ToestemmingIngetrokken)
    def trek_toestemming_in(self, actor, dossier_id, intrekking) -> CommandResult:
        dossier = self._dossier(dossier_id)
        dossier.trek_toestemming_in(intrekking, actor)
        return self.commit(dossier_id, dossier)

    @command("vraag_medische_informatie_op", c.MedischeInformatieOpgevraagd)
    def vraag_medische_informatie_op(self, actor, dossier_id, verzoek) -> CommandResult:
        dossier = self._dossier(dossier_id)
        dossier.vraag_informatie_op(verzoek, actor)
        return self.commit(dossier_id, dossier)

    @command("lever_probleemanalyse_op", ProbleemanalyseInvoer)
    def lever_probleemanalyse_op(self, actor, dossier_id, invoer) -> CommandResult:
        """Store the functional part (for the employer) and the medical part (for the BA) apart."""
        dossier = self._dossier(dossier_id)
        dossier.record(
            c.ProbleemanalyseOpgeleverd(
                geldig_op=invoer.geldig_op,
                mogelijkheden=invoer.mogelijkheden,
                beperkingen=invoer.beperkingen,
                advies=invoer.advies,
                reden_terugdatering=invoer.reden_terugdatering,
            ),
            actor,
        )
        dossier.record(
            c.MedischeProbleemanalyseVastgelegd(
                geldig_op=invoer.geldig_op,
                diagnose=invoer.diagnose,
                behandeling=invoer.behandeling,
                reden_terugdatering=invoer.reden_terugdatering,
            ),
            actor,
        )
        return self.commit(dossier_id, dossier)

    # Taakdelegatie lives outside any one dossier: it may cover a whole caseload.

    def delegatie_key(self, delegatie_id: str):
        return aggregate_id(self.name, f"delegatie/{delegatie_id}")

    @command("verleen_taakdelegatie", c.TaakdelegatieVerleend, dossier="none")
    def verleen_taakdelegatie(self, actor: Actor, verlening) -> CommandResult:
        key = self.delegatie_key(verlening.delegatie_id)
        if self.exists(key):
            raise DomainRuleViolated(f"delegatie {verlening.delegatie_id} bestaat al")
        return self.commit(None, Taakdelegatie.open(key, None, verlening, actor))

    @command("trek_taakdelegatie_in", c.TaakdelegatieIngetrokken, dossier="none")
    def trek_taakdelegatie_in(self, actor: Actor, intrekking) -> CommandResult:
        delegatie = self.load(
            self.delegatie_key(intrekking.delegatie_id), f"delegatie {intrekking.delegatie_id}"
        )
        delegatie.trek_in(intrekking, actor)
        return self.commit(None, delegatie)

    def delegatie(self, delegatie_id: str) -> Taakdelegatie:
        return self.load(self.delegatie_key(delegatie_id), f"delegatie {delegatie_id}")

    # The digital triage: every new ziekmelding opens a medical file.
    react = fact_dispatch()
    react.register(ZiekmeldingGeregistreerd, ServiceApplication.open_dossier)
