"""Commands and reactions of the uwv_submission service."""

from events import arbeidsdeskundige, bedrijfsarts, werkgever
from events import uwv_submission as c
from events.uwv_submission import RivOnderdeel
from services.shared.aggregate import fact_dispatch
from services.shared.application import ServiceApplication, door, event_id
from services.shared.commands import command
from services.uwv_submission.domainmodel import UwvDossier

# Which other services' facts make up which part of the re-integratieverslag.
RIV_BRONNEN = {
    bedrijfsarts.ProbleemanalyseOpgeleverd: RivOnderdeel.PROBLEEMANALYSE,
    werkgever.PlanVanAanpakVastgesteld: RivOnderdeel.PLAN_VAN_AANPAK,
    werkgever.EerstejaarsevaluatieVastgelegd: RivOnderdeel.EERSTEJAARSEVALUATIE,
    werkgever.EindevaluatieVastgelegd: RivOnderdeel.EINDEVALUATIE,
    bedrijfsarts.ActueelOordeelGegeven: RivOnderdeel.ACTUEEL_OORDEEL,
    bedrijfsarts.MedischDeelRivOverhandigd: RivOnderdeel.MEDISCH_DEEL,
    werkgever.ZienswijzeWerknemerVastgelegd: RivOnderdeel.ZIENSWIJZE_WERKNEMER,
    arbeidsdeskundige.ArbeidsdeskundigRapportOpgeleverd: RivOnderdeel.ARBEIDSDESKUNDIG_RAPPORT,
    werkgever.Spoor2Gestart: RivOnderdeel.SPOOR2,
    werkgever.DeskundigenoordeelAangevraagd: RivOnderdeel.DESKUNDIGENOORDEEL,
}


def _riv_onderdeel(app: "UwvSubmissionApplication", bron, event, processing_event) -> None:
    """A fact of another service that is part of the RIV: note that the part exists."""
    ontvangen = c.RivOnderdeelOntvangen(
        geldig_op=bron.geldig_op,
        onderdeel=RIV_BRONNEN[type(bron)],
        bron_event_id=event_id(event),
    )
    app.record_reaction(event, processing_event, ontvangen)


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

    stel_riv_samen = command("stel_riv_samen", c.RivSamengesteld)(door("stel_riv_samen"))
    dien_wia_aanvraag_in = command("dien_wia_aanvraag_in", c.WiaAanvraagIngediend)(
        door("dien_wia_aanvraag_in")
    )
    _na_melding = door("vereis_melding_42_weken")
    registreer_ontvangstbevestiging = command(
        "registreer_ontvangstbevestiging", c.OntvangstbevestigingUwv
    )(_na_melding)
    stel_uwv_in_gebreke = command("stel_uwv_in_gebreke", c.UwvInGebrekeGesteld)(_na_melding)
    registreer_riv_toets = command("registreer_riv_toets", c.RivToetsUitkomst)(
        door("registreer_riv_toets")
    )
    verleng_wachttijd = command("verleng_wachttijd", c.WachttijdVerlengd)(door("verleng_wachttijd"))
    bekort_loonsanctie = command("bekort_loonsanctie", c.LoonsanctieBekort)(
        door("bekort_loonsanctie")
    )
    dien_bezwaar_in = command("dien_bezwaar_in", c.BezwaarIngediend)(door("dien_bezwaar_in"))
    registreer_wia_besluit = command("registreer_wia_besluit", c.WiaBesluitOntvangen)(_na_melding)
    del _na_melding
    registreer_deskundigenoordeel = command(
        "registreer_deskundigenoordeel", c.DeskundigenoordeelUitkomst
    )(record)

    registreer_uwv_brief = command("registreer_uwv_brief", c.UwvBriefOntvangen)(record)

    react = fact_dispatch()
    react.register(werkgever.ZiekmeldingGeregistreerd, ServiceApplication.open_dossier)
    for _bron in RIV_BRONNEN:
        react.register(_bron, _riv_onderdeel)
    del _bron
