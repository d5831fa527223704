"""Aggregate of the uwv_submission service."""

from datetime import date, timedelta

from events import Actor
from events import uwv_submission as c
from events.gedeeld import DossierGeopend
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated, RivIncomplete

Feit = ChainedAggregate.Feit

WACHTTIJD_WEKEN = 104
MAX_VERLENGING_WEKEN = 52  # art. 24 lid 1 WIA
MAX_LOONSANCTIE_WEKEN = 52  # art. 25 lid 9 WIA


class UwvDossier(
    ChainedAggregate,
    opening=DossierGeopend,
    facts=(
        c.RivOnderdeelOntvangen,
        c.RivSamengesteld,
        c.Melding42WekenIngediend,
        c.WiaAanvraagIngediend,
        c.WiaAanvraagformulierOntvangen,
        c.OntvangstbevestigingUwv,
        c.UwvInGebrekeGesteld,
        c.RivToetsUitkomst,
        c.WiaBesluitOntvangen,
        c.DeskundigenoordeelUitkomst,
        c.VervroegdeIvaAangevraagd,
        c.UwvBriefOntvangen,
        c.WachttijdVerlengd,
        c.LoonsanctieBekort,
        c.BezwaarIngediend,
    ),
):
    evolve = fact_dispatch()

    @evolve.register
    def _riv_onderdeel(self, onderdeel: c.RivOnderdeelOntvangen, feit: Feit) -> None:
        self.riv_onderdelen.add(onderdeel.onderdeel.value)

    @evolve.register
    def _riv(self, _: c.RivSamengesteld, feit: Feit) -> None:
        self.riv_samengesteld = True

    @evolve.register
    def _melding(self, _: c.Melding42WekenIngediend, feit: Feit) -> None:
        self.melding_42_weken = True

    @evolve.register
    def _wia(self, _: c.WiaAanvraagIngediend, feit: Feit) -> None:
        self.wia_aangevraagd = True

    @evolve.register
    def _geopend(self, geopend: DossierGeopend, feit: Feit) -> None:
        self.eerste_ziektedag = geopend.geldig_op

    @evolve.register
    def _verlengd(self, verlenging: c.WachttijdVerlengd, feit: Feit) -> None:
        self.verlenging_weken += verlenging.weken

    @evolve.register
    def _getoetst(self, toets: c.RivToetsUitkomst, feit: Feit) -> None:
        if toets.loonsanctie_tot is not None:
            self.loonsanctie = (toets.geldig_op, toets.loonsanctie_tot)
            self.besluiten[c.BezwaarTegen.LOONSANCTIE] = toets.geldig_op

    @evolve.register
    def _bekort(self, bekorting: c.LoonsanctieBekort, feit: Feit) -> None:
        self.loonsanctie = (self.loonsanctie[0], bekorting.eindigt_op)

    @evolve.register
    def _wia_besluit(self, besluit: c.WiaBesluitOntvangen, feit: Feit) -> None:
        self.besluiten[c.BezwaarTegen.WIA_BESLUIT] = besluit.geldig_op

    def init_state(self) -> None:
        self.riv_onderdelen: set[str] = set()
        self.riv_samengesteld = False
        self.melding_42_weken = False
        self.wia_aangevraagd = False
        self.eerste_ziektedag: date | None = None
        self.verlenging_weken = 0
        self.loonsanctie: tuple[date, date] | None = None  # (imposed on, ends on)
        self.besluiten: dict[c.BezwaarTegen, date] = {}  # the latest decision one may object to

    @property
    def riv_ontbrekend(self) -> list[str]:
        return [o.value for o in c.RIV_VERPLICHT if o.value not in self.riv_onderdelen]

    def stel_riv_samen(self, riv: c.RivSamengesteld, actor: Actor) -> None:
        if self.riv_ontbrekend:
            raise RivIncomplete(self.riv_ontbrekend)
        self.record(riv, actor)

    def dien_wia_aanvraag_in(self, aanvraag: c.WiaAanvraagIngediend, actor: Actor) -> None:
        if not self.riv_samengesteld:
            raise DomainRuleViolated("een WIA-aanvraag vraagt eerst een samengesteld RIV")
        self.record(aanvraag, actor)

    def verleng_wachttijd(self, verlenging: c.WachttijdVerlengd, actor: Actor) -> None:
        """Art. 24 lid 1 WIA: on the joint request, before the application, 52 weeks at most."""
        if self.wia_aangevraagd:
            raise DomainRuleViolated(
                "een verlenging van de wachttijd gaat aan de WIA-aanvraag vooraf; "
                "die is al ingediend"
            )
        totaal = self.verlenging_weken + verlenging.weken
        if totaal > MAX_VERLENGING_WEKEN:
            raise DomainRuleViolated(
                f"de wachttijd wordt in totaal hoogstens {MAX_VERLENGING_WEKEN} weken verlengd "
                f"(art. 24 WIA); met deze verlenging zou het {totaal} weken zijn"
            )
        self.vereis_melding_42_weken(verlenging, actor)

    def registreer_riv_toets(self, toets: c.RivToetsUitkomst, actor: Actor) -> None:
        """A loonsanctie never shortens the waiting period and lasts at most 52 weeks (art. 25
        lid 9 WIA). Spells of health (samentelling) push week 104 later than this service can
        see, so it refuses only what is impossible on any course; the calendar applies the
        exact bounds."""
        tot = toets.loonsanctie_tot
        if tot is not None and self.eerste_ziektedag is not None:
            wachttijd = timedelta(weeks=WACHTTIJD_WEKEN + self.verlenging_weken)
            vroegst = self.eerste_ziektedag + wachttijd
            # Week 104 lies at most as far after the decision as the sick days still to come.
            laatst = toets.geldig_op + wachttijd + timedelta(weeks=MAX_LOONSANCTIE_WEKEN)
            if tot <= vroegst:
                raise DomainRuleViolated(
                    f"een loonsanctie tot {tot} zou de wachttijd bekorten: die loopt op zijn "
                    f"vroegst tot {vroegst}"
                )
            if tot > laatst:
                raise DomainRuleViolated(
                    f"een loonsanctie duurt hoogstens {MAX_LOONSANCTIE_WEKEN} weken na de "
                    f"wachttijd (art. 25 WIA); {tot} ligt na {laatst}"
                )
        self.vereis_melding_42_weken(toets, actor)

    def bekort_loonsanctie(self, bekorting: c.LoonsanctieBekort, actor: Actor) -> None:
        if self.loonsanctie is None:
            raise DomainRuleViolated("er is geen loonsanctie om te bekorten")
        if bekorting.eindigt_op > self.loonsanctie[1]:
            raise DomainRuleViolated(
                f"een bekorting verlengt niet: de loonsanctie loopt tot {self.loonsanctie[1]}, "
                f"de bekorting noemt {bekorting.eindigt_op}"
            )
        self.record(bekorting, actor)

    def dien_bezwaar_in(self, bezwaar: c.BezwaarIngediend, actor: Actor) -> None:
        if bezwaar.tegen is c.BezwaarTegen.LOONSANCTIE and actor.rol.value == "werknemer":
            raise DomainRuleViolated(
                "een loonsanctie treft de werkgever: alleen die kan er bezwaar tegen maken"
            )
        besluit = self.besluiten.get(bezwaar.tegen)
        if besluit is None:
            raise DomainRuleViolated(
                f"er is geen besluit ({bezwaar.tegen.value}) om bezwaar tegen te maken"
            )
        uiterlijk = besluit + timedelta(weeks=c.BEZWAARTERMIJN_WEKEN)
        if bezwaar.geldig_op > uiterlijk:
            raise DomainRuleViolated(
                f"bezwaar tegen het besluit van {besluit} kon tot en met {uiterlijk} "
                f"(zes weken, art. 6:7 Awb); ingediend op {bezwaar.geldig_op} is te laat"
            )
        self.record(bezwaar, actor)

    def vereis_melding_42_weken(self, feit, actor: Actor) -> None:
        """UWV only acts on a case it knows of through the 42-weken melding."""
        if not self.melding_42_weken:
            raise DomainRuleViolated("UWV kent dit dossier nog niet: de 42-weken melding ontbreekt")
        self.record(feit, actor)
