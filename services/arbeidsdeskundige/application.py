"""Commands and reactions of the arbeidsdeskundige service."""

from events import arbeidsdeskundige as c
from services.arbeidsdeskundige.domainmodel import AdDossier
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

    def on_ZiekmeldingGeregistreerd(self, event, processing_event) -> None:
        self.open_dossier(event, processing_event)

    # The bedrijfsarts' functional findings, never the medical part.

    def on_BelastbaarheidVastgesteld(self, event, processing_event) -> None:
        ontvangen = c.BelastbaarheidOntvangen(
            geldig_op=event.geldig_op,
            bron=event.data["instrument"],
            beperkingen=event.data["beperkingen"],
        )
        self.react(event, processing_event, ontvangen)

    def on_ProbleemanalyseOpgeleverd(self, event, processing_event) -> None:
        ontvangen = c.BelastbaarheidOntvangen(
            geldig_op=event.geldig_op,
            bron="probleemanalyse",
            beperkingen=[event.data["beperkingen"][:200]],
        )
        self.react(event, processing_event, ontvangen)
