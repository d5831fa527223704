"""Commands and reactions of the werkgever service."""

from uuid import uuid4

from events import Actor
from events import bedrijfsarts as ba
from events import werkgever as c
from services.shared.aggregate import aggregate_id, fact_dispatch
from services.shared.application import ServiceApplication, door
from services.shared.commands import CommandResult, command
from services.shared.errors import DomainRuleViolated
from services.werkgever.domainmodel import (
    Dienstverband,
    Verzuimdossier,
    besluit_over_ziekmelding,
    vereis_geen_samentelling_met,
)


class WerkgeverApplication(ServiceApplication):
    name = "werkgever"
    dossier_class = Verzuimdossier

    def dienstverband_key(self, werkgever_id: str, werknemer_id: str):
        return aggregate_id(self.name, f"dienstverband/{werkgever_id}/{werknemer_id}")

    @command("registreer_ziekmelding", c.ZiekmeldingGeregistreerd, dossier="new")
    def registreer_ziekmelding(
        self, actor: Actor, melding: c.ZiekmeldingGeregistreerd, dossier_id: str | None = None
    ) -> CommandResult:
        """Open a new dossier, or continue the last one when the relapse falls within 4 weeks."""
        key = self.dienstverband_key(melding.werkgever_id, melding.werknemer_id)
        dienstverband = self.repository.get(key) if self.exists(key) else None
        huidig = None
        # The latest dossier that was not withdrawn: a ziekmelding made by mistake never was one.
        for eerder in reversed(dienstverband.dossiers if dienstverband else []):
            huidig = self.load(self.dossier_key(eerder), "dossier")
            if huidig.ingetrokken_op is None:
                break
            huidig = None
        if besluit_over_ziekmelding(melding, huidig) == "samentellen":
            huidig.meld_opnieuw_ziek(melding, actor)
            return self.commit(huidig.dossier_id, huidig)
        dossier_id = dossier_id or str(uuid4())
        if self.exists(self.dossier_key(dossier_id)):
            raise DomainRuleViolated(f"dossier {dossier_id} bestaat al")
        dossier = Verzuimdossier.open(self.dossier_key(dossier_id), dossier_id, melding, actor)
        if dienstverband is None:
            opening = c.DienstverbandGeopend(
                geldig_op=melding.geldig_op,
                werknemer_id=melding.werknemer_id,
                werkgever_id=melding.werkgever_id,
            )
            dienstverband = Dienstverband.open(key, None, opening, actor)
        dienstverband.record(
            c.VerzuimdossierGekoppeld(geldig_op=melding.geldig_op, dossier_id=dossier_id), actor
        )
        result = self.commit(dossier_id, dossier, dienstverband)
        result.events = [e for e in result.events if e.originator_id == dossier.id]
        return result

    registreer_herstel = command("registreer_herstel", c.HerstelmeldingGeregistreerd)(
        door("meld_herstel")
    )
    wijzig_verzuimpercentage = command("wijzig_verzuimpercentage", c.VerzuimpercentageGewijzigd)(
        door("wijzig_percentage")
    )
    stel_plan_van_aanpak_vast = command("stel_plan_van_aanpak_vast", c.PlanVanAanpakVastgesteld)(
        door("stel_plan_van_aanpak_vast")
    )
    stel_plan_van_aanpak_bij = command("stel_plan_van_aanpak_bij", c.PlanVanAanpakBijgesteld)(
        door("stel_plan_van_aanpak_bij")
    )

    # Corrections say what they correct and why; nothing recorded is changed or deleted.
    def _corrigeer(method: str):
        """A correction, checked against the employment's neighbouring dossiers as corrected:
        it may not turn two dossiers into one period unnoticed."""

        def handle(self, actor, dossier_id, correctie) -> CommandResult:
            dossier = self.load(self.dossier_key(dossier_id), f"dossier {dossier_id}")
            getattr(dossier, method)(correctie, actor)
            key = self.dienstverband_key(dossier.werkgever_id, dossier.werknemer_id)
            vorige, volgende = (
                self.load(self.dossier_key(d), f"dossier {d}") if d else None
                for d in self.repository.get(key).buren(dossier_id)
            )
            vereis_geen_samentelling_met(vorige, volgende, dossier)
            return self.commit(dossier_id, dossier)

        return handle

    corrigeer_eerste_ziektedag = command(
        "corrigeer_eerste_ziektedag", c.EersteZiektedagGecorrigeerd
    )(_corrigeer("corrigeer_eerste_ziektedag"))
    corrigeer_herstel = command("corrigeer_herstel", c.HerstelGecorrigeerd)(
        _corrigeer("corrigeer_herstel")
    )
    trek_ziekmelding_in = command("trek_ziekmelding_in", c.ZiekmeldingIngetrokken)(door("trek_in"))
    _leg_vast = door("leg_vast")

    # Process steps without rules beyond "within the period": one line each.
    stel_casemanager_aan = command("stel_casemanager_aan", c.CasemanagerAangesteld)(_leg_vast)
    wijs_bedrijfsarts_toe = command("wijs_bedrijfsarts_toe", c.BedrijfsartsToegewezen)(_leg_vast)
    wijs_arbeidsdeskundige_toe = command(
        "wijs_arbeidsdeskundige_toe", c.ArbeidsdeskundigeToegewezen
    )(_leg_vast)
    leg_gesprek_vast = command("leg_gesprek_vast", c.GesprekGevoerd)(_leg_vast)
    leg_pre_wia_scan_vast = command("leg_pre_wia_scan_vast", c.PreWiaScanUitgevoerd)(_leg_vast)
    leg_verlof_vast = command("leg_verlof_vast", c.VerlofVastgelegd)(_leg_vast)
    leg_vangnetregeling_vast = command("leg_vangnetregeling_vast", c.VangnetregelingVastgelegd)(
        _leg_vast
    )
    beeindig_dienstverband = command("beeindig_dienstverband", c.DienstverbandBeeindigd)(_leg_vast)
    leg_voortgang_vast = command("leg_voortgang_vast", c.VoortgangVastgelegd)(_leg_vast)
    leg_eerstejaarsevaluatie_vast = command(
        "leg_eerstejaarsevaluatie_vast", c.EerstejaarsevaluatieVastgelegd
    )(_leg_vast)
    start_spoor2 = command("start_spoor2", c.Spoor2Gestart)(_leg_vast)
    vraag_deskundigenoordeel_aan = command(
        "vraag_deskundigenoordeel_aan", c.DeskundigenoordeelAangevraagd
    )(_leg_vast)
    informeer_verzekeraar = command("informeer_verzekeraar", c.VerzekeraarGeinformeerd)(_leg_vast)
    leg_eindevaluatie_vast = command("leg_eindevaluatie_vast", c.EindevaluatieVastgelegd)(_leg_vast)
    leg_zienswijze_vast = command("leg_zienswijze_vast", c.ZienswijzeWerknemerVastgelegd)(_leg_vast)
    verleng_loondoorbetaling = command("verleng_loondoorbetaling", c.LoondoorbetalingVerlengd)(
        _leg_vast
    )

    # Reactions to the bedrijfsarts: only the functional part reaches the employer's side.

    react = fact_dispatch()

    @react.register
    def _probleemanalyse(self, analyse: ba.ProbleemanalyseOpgeleverd, event, processing_event):
        ontvangen = c.ProbleemanalyseOntvangen(**analyse.model_dump())
        self.record_reaction(event, processing_event, ontvangen)

    @react.register
    def _triage(self, oordeel: ba.TriageOordeelGegeven, event, processing_event) -> None:
        uitkomst = c.TriageUitkomstOntvangen(
            geldig_op=oordeel.geldig_op, medische_oorzaak=oordeel.medische_oorzaak
        )
        self.record_reaction(event, processing_event, uitkomst)
