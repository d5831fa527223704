"""Aggregates of the werkgever service."""

from datetime import date, timedelta

from events import Actor
from events import werkgever as c
from services.shared.aggregate import ChainedAggregate, fact_dispatch
from services.shared.errors import DomainRuleViolated

# Sick periods less than four weeks apart count as one (samentelling).
SAMENTELLING = timedelta(weeks=4)

Feit = ChainedAggregate.Feit


Verlof = tuple[date, date]  # first and last day of a leave


def samengeteld(herstel: date, volgende: date, verloven: tuple[Verlof, ...] = ()) -> bool:
    """Whether a spell starting on `volgende` continues the period that ended on `herstel`: less
    than four weeks between them, not counting the days of a pregnancy and maternity leave in
    between (BW art. 7:629 lid 10: spells right before and after that leave count together; we
    read "right" with the same four weeks)."""
    verlofdagen = sum(
        max(0, (min(tot + timedelta(days=1), volgende) - max(van, herstel)).days)
        for van, tot in verloven
    )
    return (volgende - herstel).days - verlofdagen < SAMENTELLING.days


def laatste_periode(
    periodes: list[list[date | None]], verloven: tuple[Verlof, ...] = ()
) -> list[list[date | None]]:
    """The spells of the latest period: those after the last gap that ends the samentelling.
    Only a corrected herstel date can open such a gap inside one dossier; the calendar and this
    service then count from the spell after it."""
    begin = 0
    for i in range(1, len(periodes)):
        herstel = periodes[i - 1][1]
        if herstel is not None and not samengeteld(herstel, periodes[i][0], verloven):
            begin = i
    return periodes[begin:]


class Verzuimdossier(
    ChainedAggregate,
    opening=c.ZiekmeldingGeregistreerd,
    facts=(
        c.ZiekmeldingSamengeteld,
        c.HerstelmeldingGeregistreerd,
        c.ProbleemanalyseOntvangen,
        c.TriageUitkomstOntvangen,
        c.PlanVanAanpakVastgesteld,
        c.VerzuimpercentageGewijzigd,
        c.CasemanagerAangesteld,
        c.BedrijfsartsToegewezen,
        c.ArbeidsdeskundigeToegewezen,
        c.PlanVanAanpakBijgesteld,
        c.GesprekGevoerd,
        c.VoortgangVastgelegd,
        c.EerstejaarsevaluatieVastgelegd,
        c.Spoor2Gestart,
        c.DeskundigenoordeelAangevraagd,
        c.VerzekeraarGeinformeerd,
        c.EindevaluatieVastgelegd,
        c.ZienswijzeWerknemerVastgelegd,
        c.LoondoorbetalingVerlengd,
        c.EersteZiektedagGecorrigeerd,
        c.HerstelGecorrigeerd,
        c.ZiekmeldingIngetrokken,
        c.PreWiaScanUitgevoerd,
        c.VerlofVastgelegd,
        c.DienstverbandBeeindigd,
        c.VangnetregelingVastgelegd,
    ),
):
    """One verzuimperiode of one employee, across relapses that are counted together."""

    evolve = fact_dispatch()

    @evolve.register
    def _ziekmelding(self, melding: c.ZiekmeldingGeregistreerd, feit: Feit) -> None:
        self.werknemer_id = melding.werknemer_id
        self.werkgever_id = melding.werkgever_id
        self.periodes = [[melding.geldig_op, None]]

    @evolve.register
    def _samengeteld(self, melding: c.ZiekmeldingSamengeteld, feit: Feit) -> None:
        self.periodes.append([melding.geldig_op, None])

    @evolve.register
    def _herstel(self, melding: c.HerstelmeldingGeregistreerd, feit: Feit) -> None:
        self.periodes[-1][1] = melding.geldig_op

    @evolve.register
    def _probleemanalyse(self, _: c.ProbleemanalyseOntvangen, feit: Feit) -> None:
        self.heeft_probleemanalyse = True

    @evolve.register
    def _triage(self, uitkomst: c.TriageUitkomstOntvangen, feit: Feit) -> None:
        self.niet_medisch = not uitkomst.medische_oorzaak

    @evolve.register
    def _plan(self, _: c.PlanVanAanpakVastgesteld, feit: Feit) -> None:
        self.heeft_plan_van_aanpak = True

    @evolve.register
    def _eerste_gecorrigeerd(self, correctie: c.EersteZiektedagGecorrigeerd, feit: Feit) -> None:
        self.periodes[0][0] = correctie.geldig_op

    @evolve.register
    def _herstel_gecorrigeerd(self, correctie: c.HerstelGecorrigeerd, feit: Feit) -> None:
        self._gesloten()[1] = correctie.geldig_op
        self.periodes = laatste_periode(self.periodes, tuple(self.verloven))

    @evolve.register
    def _verlof(self, verlof: c.VerlofVastgelegd, feit: Feit) -> None:
        self.verloven.append((verlof.geldig_op, verlof.tot))

    @evolve.register
    def _ingetrokken(self, intrekking: c.ZiekmeldingIngetrokken, feit: Feit) -> None:
        self.ingetrokken_op = intrekking.geldig_op

    def init_state(self) -> None:
        self.periodes: list[list[date | None]] = []
        self.ingetrokken_op: date | None = None
        self.verloven: list[tuple[date, date]] = []
        self.heeft_probleemanalyse = False
        self.niet_medisch = False
        self.heeft_plan_van_aanpak = False

    @property
    def eerste_ziektedag(self) -> date:
        return self.periodes[0][0]

    @property
    def hersteld_op(self) -> date | None:
        """The herstel date of the last spell, or None while the employee is still ill."""
        return self.periodes[-1][1]

    @property
    def is_open(self) -> bool:
        return self.hersteld_op is None

    def _gesloten(self) -> list[date | None]:
        """The latest spell that has a herstel date."""
        for spell in reversed(self.periodes):
            if spell[1] is not None:
                return spell
        raise DomainRuleViolated("er is geen herstel vastgelegd om te corrigeren")

    def record(self, contract, actor: Actor, *args, **kwargs) -> None:
        # A withdrawn ziekmelding ends the dossier: nothing more is recorded on it.
        if self.ingetrokken_op is not None:
            raise DomainRuleViolated(
                f"de ziekmelding van dit dossier is ingetrokken per {self.ingetrokken_op}"
            )
        super().record(contract, actor, *args, **kwargs)

    # Commands. Each checks the process rules, then records; a rejection records nothing.

    def corrigeer_eerste_ziektedag(
        self, correctie: c.EersteZiektedagGecorrigeerd, actor: Actor
    ) -> None:
        begin, herstel = self.periodes[0]
        if correctie.geldig_op == begin:
            raise DomainRuleViolated(f"de eerste ziektedag is al {begin}")
        if herstel is not None and correctie.geldig_op >= herstel:
            raise DomainRuleViolated(
                f"eerste ziektedag {correctie.geldig_op} ligt niet voor het herstel per {herstel}"
            )
        vorige = correctie.model_copy(update={"vorige_eerste_ziektedag": begin})
        self.record(vorige, actor)

    def corrigeer_herstel(self, correctie: c.HerstelGecorrigeerd, actor: Actor) -> None:
        spell = self._gesloten()
        begin, herstel = spell
        if correctie.geldig_op < begin:
            raise DomainRuleViolated(
                f"herstel per {correctie.geldig_op} ligt voor het begin van de periode ({begin})"
            )
        volgende = self.periodes.index(spell) + 1
        if volgende < len(self.periodes) and correctie.geldig_op > self.periodes[volgende][0]:
            raise DomainRuleViolated(
                f"herstel per {correctie.geldig_op} ligt na de volgende ziekmelding van "
                f"{self.periodes[volgende][0]}"
            )
        self.record(correctie.model_copy(update={"vorige_hersteldatum": herstel}), actor)

    def trek_in(self, intrekking: c.ZiekmeldingIngetrokken, actor: Actor) -> None:
        self.record(intrekking, actor)

    def meld_herstel(self, melding: c.HerstelmeldingGeregistreerd, actor: Actor) -> None:
        if not self.is_open:
            raise DomainRuleViolated(
                f"er is geen open ziekmelding: de werknemer is al hersteld per {self.hersteld_op}"
            )
        begin = self.periodes[-1][0]
        if melding.geldig_op < begin:
            raise DomainRuleViolated(
                f"herstel per {melding.geldig_op} ligt voor de ziekmelding van {begin}"
            )
        self.record(melding, actor)

    def meld_opnieuw_ziek(self, melding: c.ZiekmeldingGeregistreerd, actor: Actor) -> None:
        """A relapse within four weeks of herstel continues this period."""
        hersteld = self.hersteld_op
        samengeteld = c.ZiekmeldingSamengeteld(**melding.model_dump(), vorige_hersteldatum=hersteld)
        self.record(samengeteld, actor)

    def wijzig_percentage(self, wijziging: c.VerzuimpercentageGewijzigd, actor: Actor) -> None:
        self._vereis_open(wijziging.geldig_op)
        self.record(wijziging, actor)

    def stel_plan_van_aanpak_vast(self, plan: c.PlanVanAanpakVastgesteld, actor: Actor) -> None:
        if not (self.heeft_probleemanalyse or self.niet_medisch):
            raise DomainRuleViolated(
                "een plan van aanpak vraagt eerst een probleemanalyse van de bedrijfsarts "
                "(of diens oordeel dat er geen medische oorzaak is)"
            )
        self._vereis_binnen_periode(plan.geldig_op)
        self.record(plan, actor)

    def stel_plan_van_aanpak_bij(self, plan: c.PlanVanAanpakBijgesteld, actor: Actor) -> None:
        if not self.heeft_plan_van_aanpak:
            raise DomainRuleViolated("er is nog geen plan van aanpak om bij te stellen")
        self._vereis_binnen_periode(plan.geldig_op)
        self.record(plan, actor)

    def leg_vast(self, feit, actor: Actor) -> None:
        """A process step without rules of its own: it must fall within the period."""
        self._vereis_binnen_periode(feit.geldig_op)
        self.record(feit, actor)

    def _vereis_open(self, op: date) -> None:
        if not self.is_open:
            raise DomainRuleViolated(f"de werknemer is hersteld per {self.hersteld_op}")
        self._vereis_binnen_periode(op)

    def _vereis_binnen_periode(self, op: date) -> None:
        if op < self.eerste_ziektedag:
            raise DomainRuleViolated(f"{op} ligt voor de eerste ziektedag {self.eerste_ziektedag}")


class Dienstverband(
    ChainedAggregate, opening=c.DienstverbandGeopend, facts=(c.VerzuimdossierGekoppeld,)
):
    """An employment: which verzuimdossier is current, so a second open ziekmelding is refused."""

    evolve = fact_dispatch()

    @evolve.register
    def _gekoppeld(self, koppeling: c.VerzuimdossierGekoppeld, feit: Feit) -> None:
        self.huidig_dossier = koppeling.dossier_id
        self.dossiers.append(koppeling.dossier_id)

    def init_state(self) -> None:
        self.huidig_dossier: str | None = None
        self.dossiers: list[str] = []  # every dossier of this employment, oldest first

    def buren(self, dossier_id: str) -> tuple[str | None, str | None]:
        """The dossiers just before and after `dossier_id` in this employment."""
        i = self.dossiers.index(dossier_id)
        vorige = self.dossiers[i - 1] if i > 0 else None
        volgende = self.dossiers[i + 1] if i + 1 < len(self.dossiers) else None
        return vorige, volgende


def _loopt_door(eerder: Verzuimdossier, later: Verzuimdossier) -> bool:
    """Whether `later` starts within the samentelling of `eerder`'s last herstel."""
    return eerder.hersteld_op is not None and samengeteld(
        eerder.hersteld_op, later.eerste_ziektedag, tuple(eerder.verloven)
    )


def vereis_geen_samentelling_met(
    vorige: "Verzuimdossier | None", volgende: "Verzuimdossier | None", dossier: Verzuimdossier
) -> None:
    """A correction may not silently make two dossiers one period: that is a samentelling the
    ziekmelding should have been. Say so, and how to record it instead."""
    if vorige is not None and _loopt_door(vorige, dossier):
        raise DomainRuleViolated(
            f"de eerste ziektedag {dossier.eerste_ziektedag} ligt minder dan vier weken na het "
            f"herstel per {vorige.hersteld_op} in dossier {vorige.dossier_id}: dat is "
            "samentelling; trek deze ziekmelding in en meld de ziekte opnieuw, zodat ze bij dat "
            "dossier hoort"
        )
    if volgende is not None and _loopt_door(dossier, volgende):
        raise DomainRuleViolated(
            f"het herstel per {dossier.hersteld_op} ligt minder dan vier weken voor de ziekmelding "
            f"van {volgende.eerste_ziektedag} in dossier {volgende.dossier_id}: dat is "
            "samentelling; trek die ziekmelding in en meld de ziekte opnieuw, zodat ze bij dit "
            "dossier hoort"
        )


def besluit_over_ziekmelding(
    melding: c.ZiekmeldingGeregistreerd, huidig: Verzuimdossier | None
) -> str:
    """Decide what a ziekmelding means for the employment's current dossier.

    Returns "nieuw" (a new period) or "samentellen" (continues `huidig`); raises when refused.
    """
    if huidig is None:
        return "nieuw"
    if huidig.is_open:
        raise DomainRuleViolated(
            f"er loopt al een ziekmelding voor deze werknemer (dossier {huidig.dossier_id}, "
            f"sinds {huidig.periodes[-1][0]})"
        )
    if melding.geldig_op < huidig.hersteld_op:
        raise DomainRuleViolated(
            f"de nieuwe ziekmelding van {melding.geldig_op} ligt voor het herstel per "
            f"{huidig.hersteld_op}"
        )
    if samengeteld(huidig.hersteld_op, melding.geldig_op, tuple(huidig.verloven)):
        return "samentellen"
    return "nieuw"
