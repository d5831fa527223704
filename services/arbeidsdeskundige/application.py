"""Commands and reactions of the arbeidsdeskundige service."""

from events import arbeidsdeskundige as c
from events import bedrijfsarts as ba
from events.werkgever import ZiekmeldingGeregistreerd
from services.arbeidsdeskundige.domainmodel import AdDossier
from services.shared.aggregate import fact_dispatch
from services.shared.application import ServiceApplication
from services.shared.commands import CommandResult, command


class ArbeidsdeskundigeApplication(ServiceApplication):
    name = "arbeidsdeskundige"
    dossier_class = AdDossier
    record = ServiceApplication.record_on

    ontvang_opdracht = command("ontvang_opdracht", c.OpdrachtOntvangen)(record)
    leg_adviesgesprek_vast = command("leg_adviesgesprek_vast", c.AdviesgesprekGehouden)(record)

    @command("lever_rapport_op", c.ArbeidsdeskundigRapportOpgeleverd)
    def lever_rapport_op(self, actor, dossier_id, rapport) -> CommandResult:
        dossier = self.load(self.dossier_key(dossier_id), f"dossier {dossier_id}")
        dossier.lever_rapport_op(rapport, actor)
        return self.commit(dossier_id, dossier)

    react = fact_dispatch()
    react.register(ZiekmeldingGeregistreerd, ServiceApplication.open_dossier)

    # The bedrijfsarts' functional findings, never the medical part.

    @react.register
    def _belastbaarheid(self, vastgesteld: ba.BelastbaarheidVastgesteld, event, processing_event):
        ontvangen = c.BelastbaarheidOntvangen(
            geldig_op=vastgesteld.geldig_op,
            bron=vastgesteld.instrument,
            beperkingen=vastgesteld.beperkingen,
        )
        self.record_reaction(event, processing_event, ontvangen)

    @react.register
    def _probleemanalyse(self, analyse: ba.ProbleemanalyseOpgeleverd, event, processing_event):
        ontvangen = c.BelastbaarheidOntvangen(
            geldig_op=analyse.geldig_op,
            bron="probleemanalyse",
            beperkingen=[analyse.beperkingen[:200]],
        )
        self.record_reaction(event, processing_event, ontvangen)
