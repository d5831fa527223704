"""Commands and reactions of the uwv_submission service."""

from events import uwv_submission as c
from events.uwv_submission import RivOnderdeel
from services.shared.application import ServiceApplication, event_id
from services.shared.commands import CommandResult, command
from services.uwv_submission.domainmodel import UwvDossier

# Which other services' facts make up which part of the re-integratieverslag.
RIV_BRONNEN = {
    "ProbleemanalyseOpgeleverd": RivOnderdeel.PROBLEEMANALYSE,
    "PlanVanAanpakVastgesteld": RivOnderdeel.PLAN_VAN_AANPAK,
    "EerstejaarsevaluatieVastgelegd": RivOnderdeel.EERSTEJAARSEVALUATIE,
    "EindevaluatieVastgelegd": RivOnderdeel.EINDEVALUATIE,
    "ActueelOordeelGegeven": RivOnderdeel.ACTUEEL_OORDEEL,
    "MedischDeelRivOverhandigd": RivOnderdeel.MEDISCH_DEEL,
    "ZienswijzeWerknemerVastgelegd": RivOnderdeel.ZIENSWIJZE_WERKNEMER,
    "ArbeidsdeskundigRapportOpgeleverd": RivOnderdeel.ARBEIDSDESKUNDIG_RAPPORT,
    "Spoor2Gestart": RivOnderdeel.SPOOR2,
    "DeskundigenoordeelAangevraagd": RivOnderdeel.DESKUNDIGENOORDEEL,
}


class UwvSubmissionApplication(ServiceApplication):
    name = "uwv_submission"
    dossier_class = UwvDossier
    record = ServiceApplication.record_on

    def _dossier(self, dossier_id: str) -> UwvDossier:
        return self.load(self.dossier_key(dossier_id), f"dossier {dossier_id}")

    def riv_status(self, dossier_id: str) -> dict[str, list[str]]:
        dossier = self._dossier(dossier_id)
        return {"aanwezig": sorted(dossier.riv_onderdelen), "ontbrekend": dossier.riv_ontbrekend}

    dien_melding_42_weken_in = command("dien_melding_42_weken_in", c.Melding42WekenIngediend)(
        record
    )
    vraag_vervroegde_iva_aan = command("vraag_vervroegde_iva_aan", c.VervroegdeIvaAangevraagd)(
        record
    )
    registreer_wia_uitnodiging = command(
        "registreer_wia_uitnodiging", c.WiaAanvraagformulierOntvangen
    )(record)

    @command("stel_riv_samen", c.RivSamengesteld)
    def stel_riv_samen(self, actor, dossier_id, riv) -> CommandResult:
        dossier = self._dossier(dossier_id)
        dossier.stel_riv_samen(riv, actor)
        return self.commit(dossier_id, dossier)

    @command("dien_wia_aanvraag_in", c.WiaAanvraagIngediend)
    def dien_wia_aanvraag_in(self, actor, dossier_id, aanvraag) -> CommandResult:
        dossier = self._dossier(dossier_id)
        dossier.dien_wia_aanvraag_in(aanvraag, actor)
        return self.commit(dossier_id, dossier)

    def _na_melding(self, actor, dossier_id, feit) -> CommandResult:
        dossier = self._dossier(dossier_id)
        dossier.vereis_melding_42_weken(feit, actor)
        return self.commit(dossier_id, dossier)

    registreer_ontvangstbevestiging = command(
        "registreer_ontvangstbevestiging", c.OntvangstbevestigingUwv
    )(_na_melding)
    stel_uwv_in_gebreke = command("stel_uwv_in_gebreke", c.UwvInGebrekeGesteld)(_na_melding)
    registreer_riv_toets = command("registreer_riv_toets", c.RivToetsUitkomst)(_na_melding)
    registreer_wia_besluit = command("registreer_wia_besluit", c.WiaBesluitOntvangen)(_na_melding)
    registreer_deskundigenoordeel = command(
        "registreer_deskundigenoordeel", c.DeskundigenoordeelUitkomst
    )(record)

    def on_ZiekmeldingGeregistreerd(self, event, processing_event) -> None:
        self.open_dossier(event, processing_event)

    @classmethod
    def reacts_to(cls) -> set[str]:
        return super().reacts_to() | set(RIV_BRONNEN)

    def policy(self, domain_event, processing_event) -> None:
        onderdeel = RIV_BRONNEN.get(type(domain_event).__name__)
        if onderdeel is not None:
            ontvangen = c.RivOnderdeelOntvangen(
                geldig_op=domain_event.geldig_op,
                onderdeel=onderdeel,
                bron_event_id=event_id(domain_event),
            )
            self.react(domain_event, processing_event, ontvangen)
        super().policy(domain_event, processing_event)
