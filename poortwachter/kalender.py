"""The poortwachter calendar: every row of the process table with its due date and status.

Counting convention
-------------------
Deadlines count sick days, not calendar days. The first sick day is sick day 1; only days inside
a spell count (a spell runs from its first sick day up to, not including, its herstel day), so the
days between spells of one period (samentelling) are skipped. Partial herstel changes nothing.

* "day k" is due on sick day k;
* "week N" is due on the last day of week N: sick day 7*N (for one spell starting on d, that is
  d + 7*N - 1 days);
* "before week N" is due on the last day of week N-1: sick day 7*(N-1);
* "by week N" is the same as "week N".

When the employee has recovered and the period is closed, the count goes on past the herstel day
as if the illness had continued; an obligation not done whose due date falls on or after the
herstel day has lapsed (`niet_van_toepassing`). A relapse within four weeks reopens the period
and the count resumes where it stopped.

Norms where the process table names no week
-------------------------------------------
* monthly progress: every 4 weeks (28 sick days) after the plan van aanpak, the first one 4 weeks
  after it (or after its week-8 due date while there is none); each report starts the next term;
* BA consultation: 13 weeks after the first sick day, then 13 weeks after each consultation;
* bijstelling: within 4 weeks of the latest stagnation or medical-change signal;
* spoor 2 verkennen: within 6 weeks of the arbeidsdeskundig rapport that finds possibilities but
  no suitable own work (the same 6 weeks the table allows between week 52 and week 58);
* early IVA: to be considered as soon as the bedrijfsarts judges durably no possibilities, not
  before week 3;
* UWV's verlenging of the waiting period (art. 24 WIA, on the joint request of employer and
  employee, before the application) moves the run-up to the WIA application with the end of the
  waiting period: every row from week 79 on is due as many weeks later. The employer's own record
  of continued pay or of the request moves nothing; only UWV's decision does;
* a loonsanctie (art. 25 lid 9 WIA) follows the RIV test, after the application: it moves the
  end of wage payment and UWV's decision, not the application already filed. It ends at the
  earliest at the end of the (extended) waiting period and lasts at most 52 weeks past it; a
  bekorting ends it on the day UWV names;
* bezwaar: within six weeks of a loonsanctie or the WIA decision (art. 6:7 Awb). Objecting is a
  right, not a duty: a period that ran out without bezwaar does not apply any more.

Facts are taken as given: a step counts as done on its valid date, whatever the peildatum. The
peildatum only decides whether an open obligation is overdue. A valid date is a claim, the day
it was recorded is a fact: a step done on time by its valid date but recorded (Dutch day) after
the due date keeps `op_tijd` and says so (`te_laat_vastgelegd`, with both dates), so the calendar
never shows a deadline as met on the record when the record came too late. Everything is date
arithmetic, so year ends and 29 February need no special care.

Classification
--------------
Each row has one fixed classificatie. A row that exists only because of a medical fact (the
early probleemanalyse for psychological complaints, consent for medical information, bijstelling
after a medical change) is always "medisch", whether or not its condition holds, so that leaving
medical rows out of an employer's view never reveals the condition by a row appearing or
disappearing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from events.envelope import Classificatie, Rol
from events.uwv_submission import BEZWAARTERMIJN_WEKEN
from poortwachter.feiten import DossierFeiten, Stap, Uitvoering
from poortwachter.werkdagen import eerste_werkdag, werkdagen_vanaf


class Status(StrEnum):
    OPEN = "open"
    OP_TIJD = "op_tijd"  # done on or before the due date
    TE_LAAT = "te_laat"  # done after the due date
    VERLOPEN = "verlopen"  # not done and past the due date
    NIET_VAN_TOEPASSING = "niet_van_toepassing"  # condition does not hold, or lapsed by herstel


@dataclass(frozen=True)
class Verplichting:
    code: str
    omschrijving: str
    wettelijk: bool  # a deadline set by law or regulation, not only good practice
    uiterlijk: date | None  # None: no deadline ("any time")
    status: Status
    gedaan_op: date | None  # the valid date of the performance that counts
    uitvoerder: Rol  # who must act
    beoordelaar: Rol | None  # who judges, if anyone
    classificatie: Classificatie
    vastgelegd_op: date | None = None  # the Dutch day that performance was recorded
    reden: str | None = None  # why the row does not apply (niet van toepassing)

    @property
    def te_laat_vastgelegd(self) -> bool:
        """Done by its valid date before the due date, but recorded after it."""
        return (
            self.uiterlijk is not None
            and self.vastgelegd_op is not None
            and self.vastgelegd_op > self.uiterlijk
            and self.gedaan_op is not None
            and self.gedaan_op <= self.uiterlijk
        )

    @property
    def stand(self) -> str:
        """The status as a reader of the calendar sees it, the late recording included."""
        if self.te_laat_vastgelegd:
            return f"{self.status.value}, te laat vastgelegd op {self.vastgelegd_op.isoformat()}"
        return self.status.value


class Telling:
    """Sick-day arithmetic over the spells of one period (see the module docstring)."""

    def __init__(self, periodes: Iterable[tuple[date, date | None]]):
        self.periodes = tuple(periodes)

    @property
    def herstel(self) -> date | None:
        return self.periodes[-1][1]

    def dag(self, n: int) -> date:
        """The date of sick day `n` (1-based)."""
        if n < 1:
            raise ValueError(f"ziektedag {n} bestaat niet")
        for begin, herstel in self.periodes:
            lengte = None if herstel is None else (herstel - begin).days
            if lengte is None or n <= lengte:
                return begin + timedelta(days=n - 1)
            n -= lengte
        return self.herstel + timedelta(days=n - 1)

    def nummer(self, op: date) -> int:
        """How many sick days have passed up to and including `op` (the inverse of `dag`)."""
        totaal = 0
        for begin, herstel in self.periodes:
            volgende = op + timedelta(days=1)
            einde = volgende if herstel is None else min(herstel, volgende)
            totaal += max(0, (einde - begin).days)
        if self.herstel is not None and op >= self.herstel:
            totaal += (op - self.herstel).days + 1
        return totaal

    def na(self, op: date, dagen: int) -> date:
        """The date `dagen` sick days after `op`."""
        return self.dag(self.nummer(op) + dagen)

    def vervallen(self, uiterlijk: date | None) -> bool:
        """Whether a due date falls on or after the herstel that closed the period."""
        return uiterlijk is not None and self.herstel is not None and uiterlijk >= self.herstel


def week(n: int) -> int:
    """Sick day on which "week n" is due."""
    return 7 * n


def voor_week(n: int) -> int:
    """Sick day on which "before week n" is due."""
    return 7 * (n - 1)


# Windows: a step that must be recent counts only from its window's first sick day.
# - eerstejaarsevaluatie: between week 46 and week 52 (domain.md; werkwijzer: "week 52");
# - FML/IZP for it: after week 42, when the run-up to the first-year evaluation starts
#   (werkwijzer: week 42-44 check of UWV's request, then "voor week 52" a new assessment);
# - actueel oordeel: asked before week 88 and given before week 91 (werkwijzer); one older than
#   ten weeks before its due date is not taken as current (our reading, not a legal number).
EERSTEJAARSEVALUATIE_VANAF = week(45) + 1


@dataclass(frozen=True)
class _Context:
    feiten: DossierFeiten
    peildatum: date
    telling: Telling

    def eerst(self, stap: Stap, vanaf: date | None = None) -> Uitvoering | None:
        """The first performance of `stap` (by valid date), on or after `vanaf` if given."""
        gedaan = [u for u in self.feiten.gedaan(stap) if vanaf is None or u.op >= vanaf]
        return min(gedaan, key=lambda u: (u.op, u.vastgelegd or u.op), default=None)

    def status(self, uiterlijk: date | None, gedaan: Uitvoering | None) -> Status:
        if gedaan is not None:
            return Status.OP_TIJD if uiterlijk is None or gedaan.op <= uiterlijk else Status.TE_LAAT
        if self.telling.vervallen(uiterlijk):
            return Status.NIET_VAN_TOEPASSING
        if uiterlijk is not None and self.peildatum > uiterlijk:
            return Status.VERLOPEN
        return Status.OPEN


class Uitkomst(NamedTuple):
    """What a rule finds: the due date, the performance that counts, the status, and for a row
    that does not apply, why (a rule may return just the first three)."""

    uiterlijk: date | None
    gedaan: Uitvoering | None
    status: Status
    reden: str | None = None


Regel = Callable[[_Context, Stap], tuple]


@dataclass(frozen=True)
class Voorwaarde:
    """A condition a row applies under, and what the row says when it does not hold."""

    geldt: Callable[[DossierFeiten], bool]
    anders: str

    def __call__(self, feiten: DossierFeiten) -> bool:
        return self.geldt(feiten)


def termijn(
    dag: int, geldt: Voorwaarde | None = None, vanaf: int | None = None, verlengd: bool = False
) -> Regel:
    """A step due on a fixed sick day, done by its first performance; `geldt` makes it optional.
    `vanaf` (a sick day) opens its window: a performance before it is too early to count (an
    evaluation of the first year held in week 8 is no eerstejaarsevaluatie). `verlengd`: the
    step belongs to the run-up to the WIA application and moves with UWV's verlenging."""

    def regel(ctx: _Context, stap: Stap) -> Uitkomst:
        schuif = week(ctx.feiten.verlenging_weken) if verlengd else 0
        uiterlijk = ctx.telling.dag(dag + schuif)
        gedaan = ctx.eerst(stap, vanaf=ctx.telling.dag(vanaf + schuif) if vanaf else None)
        if geldt is not None and not geldt(ctx.feiten):
            return uiterlijk, gedaan, Status.NIET_VAN_TOEPASSING, geldt.anders
        return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)

    return regel


def werkdag_na(dag: int) -> Regel:
    """A legal step due on the first working day (Algemene termijnenwet) after sick day `dag`."""

    def regel(ctx: _Context, stap: Stap) -> Uitkomst:
        uiterlijk = eerste_werkdag(ctx.telling.dag(dag) + timedelta(days=1))
        gedaan = ctx.eerst(stap)
        return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)

    return regel


_WEEK_42 = werkdag_na(week(42))
# A vangnet regulation brings the UWV ziekmelding forward: within six weeks for the no-riskpolis
# and pregnancy-related illness, within four working days for organ donation.
VANGNET_BINNEN_WEKEN = {"no_riskpolis": 6, "zwangerschap": 6}
VANGNET_BINNEN_WERKDAGEN = {"orgaandonatie": 4}


def melding_uwv(ctx: _Context, stap: Stap) -> Uitkomst:
    """The UWV ziekmelding: on the first working day after week 42, earlier under a vangnet
    regulation."""
    regeling = ctx.feiten.vangnet
    if regeling in VANGNET_BINNEN_WEKEN:
        uiterlijk = ctx.telling.dag(week(VANGNET_BINNEN_WEKEN[regeling]))
    elif regeling in VANGNET_BINNEN_WERKDAGEN:
        uiterlijk = werkdagen_vanaf(ctx.feiten.eerste_ziektedag, VANGNET_BINNEN_WERKDAGEN[regeling])
    else:
        return Uitkomst(*_WEEK_42(ctx, stap))
    gedaan = ctx.eerst(stap)
    return Uitkomst(uiterlijk, gedaan, ctx.status(uiterlijk, gedaan))


def plan_van_aanpak(ctx: _Context, stap: Stap) -> Uitkomst:
    """Two weeks after the probleemanalyse, at the latest in week 8. Without a medical cause
    there is no probleemanalyse and nothing to plan: the row does not apply."""
    uiterlijk = ctx.telling.dag(week(8))
    analyse = ctx.eerst(Stap.PROBLEEMANALYSE)
    if analyse is not None:
        uiterlijk = min(uiterlijk, ctx.telling.na(analyse.op, 14))
    gedaan = ctx.eerst(stap)
    if not MEDISCHE_OORZAAK(ctx.feiten):
        return uiterlijk, gedaan, Status.NIET_VAN_TOEPASSING, MEDISCHE_OORZAAK.anders
    return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)


def reeks(eerste: Callable[[_Context], tuple[date, int]], periode: int) -> Regel:
    """A recurring step: due `periode` sick days after its previous performance.

    `eerste` gives (the anchor after which performances count, the sick day of the first due
    date). Each performance settles the running term and starts the next. The row shows the
    running term: the first whose due date is on or after the peildatum, unless an earlier term
    went by without the step (then that term, overdue). So a recurring row is `open` or
    `op_tijd` (done early in the running term), `verlopen`, or `niet_van_toepassing` after herstel.
    """

    def regel(ctx: _Context, stap: Stap) -> Uitkomst:
        anker, eerste_dag = eerste(ctx)
        uiterlijk = ctx.telling.dag(eerste_dag)
        gedaan = None
        for u in ctx.feiten.gedaan(stap):
            if u.op < anker:
                continue
            if uiterlijk >= ctx.peildatum:
                gedaan = u
                break
            uiterlijk = ctx.telling.na(u.op, periode)
        if uiterlijk > _einde_wachttijd(ctx):
            # Monitoring belongs to the waiting period; no term runs past its end.
            return None, None, Status.NIET_VAN_TOEPASSING, "na het einde van de wachttijd"
        return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)

    return regel


def na_signaal(
    signaal: Callable[[DossierFeiten], date | None],
    dagen: int,
    zonder: str,
    vroegste: int = 1,
    alleen_erna: bool = True,
) -> Regel:
    """A step that a judgement or signal calls for: due `dagen` sick days after it.

    The due date is never before sick day `vroegste`. Without the signal the row does not apply,
    and says `zonder`.
    With `alleen_erna` only a performance on or after the signal answers it (a bijstelling must
    follow the stagnation); otherwise an earlier one counts too (spoor 2 already under way).
    """

    def regel(ctx: _Context, stap: Stap) -> Uitkomst:
        op = signaal(ctx.feiten)
        if op is None:
            return None, ctx.eerst(stap), Status.NIET_VAN_TOEPASSING, zonder
        uiterlijk = max(ctx.telling.na(op, dagen), ctx.telling.dag(vroegste))
        gedaan = ctx.eerst(stap, vanaf=op if alleen_erna else None)
        return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)

    return regel


def op_verzoek(ctx: _Context, stap: Stap) -> Uitkomst:
    """An optional step without deadline: it applies once somebody asks for it."""
    gedaan = ctx.eerst(stap)
    if gedaan:
        return None, gedaan, Status.OP_TIJD
    return None, None, Status.NIET_VAN_TOEPASSING, "niet gevraagd"


def herstelmelding(ctx: _Context, stap: Stap) -> Uitkomst:
    """Any time; open while the employee is ill, done by the herstel that closed the period."""
    herstel = ctx.telling.herstel
    if herstel is None:
        return None, None, Status.OPEN
    return None, Uitvoering(herstel), Status.OP_TIJD


MAX_LOONSANCTIE = timedelta(weeks=52)  # art. 25 lid 9 WIA


def _einde_wachttijd(ctx: _Context) -> date:
    """End of week 104 and UWV's verlenging; a loonsanctie moves it to its own end, never earlier
    and at most 52 weeks later (a bekorting is already in `loonsanctie_tot`)."""
    einde = ctx.telling.dag(week(104 + ctx.feiten.verlenging_weken))
    sanctie = ctx.feiten.loonsanctie_tot
    if sanctie is None:
        return einde
    return min(max(sanctie, einde), einde + MAX_LOONSANCTIE)


def einde_wachttijd(ctx: _Context, stap: Stap) -> Uitkomst:
    uiterlijk = _einde_wachttijd(ctx)
    gedaan = ctx.eerst(stap)
    return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)


def ingebrekestelling(ctx: _Context, stap: Stap) -> Uitkomst:
    """Week 101 (later by UWV's verlenging), only when UWV has not decided by then; a loonsanctie
    puts UWV's decision off lawfully, so there is nothing to hold UWV to."""
    uiterlijk = ctx.telling.dag(week(101 + ctx.feiten.verlenging_weken))
    besluit = ctx.eerst(Stap.WIA_BESLUIT)
    uwv_op_tijd = besluit is not None and besluit.op <= uiterlijk
    gedaan = ctx.eerst(stap)
    if uwv_op_tijd:
        return uiterlijk, gedaan, Status.NIET_VAN_TOEPASSING, "UWV besliste op tijd"
    if ctx.feiten.loonsanctie_tot is not None:
        return uiterlijk, gedaan, Status.NIET_VAN_TOEPASSING, "de loonsanctie stelt het besluit uit"
    return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)


def na_besluit(
    besluit: Callable[[_Context], date | None], dagen: int, recht: bool = False
) -> Regel:
    """A step due `dagen` calendar days after the decision `besluit` gives, answered only by a
    performance on or after it; without the decision the row does not apply. `recht`: a right,
    not a duty (bezwaar), so a period that ran out unused lapses instead of going overdue."""

    def regel(ctx: _Context, stap: Stap) -> Uitkomst:
        op = besluit(ctx)
        if op is None:
            return None, None, Status.NIET_VAN_TOEPASSING, "er is geen besluit"
        uiterlijk = op + timedelta(days=dagen)
        gedaan = ctx.eerst(stap, vanaf=op)
        if recht and gedaan is None and ctx.peildatum > uiterlijk:
            return (
                uiterlijk,
                None,
                Status.NIET_VAN_TOEPASSING,
                "de termijn is ongebruikt verstreken",
            )
        return uiterlijk, gedaan, ctx.status(uiterlijk, gedaan)

    return regel


def bezwaar(besluit: Callable[[_Context], date | None]) -> Regel:
    """Six weeks after the decision (art. 6:7 Awb); objecting is a right, not a duty."""
    return na_besluit(besluit, 7 * BEZWAARTERMIJN_WEKEN, recht=True)


# "On receipt of the WIA decision" read as within a week of it: our reading, not a legal number.
BIJ_ONTVANGST = 7


_VOOR_WEEK_91 = termijn(voor_week(91), verlengd=True)

# Ten weeks of illness: from then on an employee leaving employment gets an eindevaluatie.
UIT_DIENST_EINDEVALUATIE = week(10)


def eindevaluatie(ctx: _Context, stap: Stap) -> Uitkomst:
    """Before week 91 (later by UWV's verlenging); when the employee leaves employment ill after
    ten or more weeks of illness, by the last day of employment (domain.md)."""
    uit = ctx.feiten.uit_dienst_op
    if uit is not None and ctx.telling.nummer(uit) >= UIT_DIENST_EINDEVALUATIE:
        gedaan = ctx.eerst(stap)
        return Uitkomst(uit, gedaan, ctx.status(uit, gedaan))
    return Uitkomst(*_VOOR_WEEK_91(ctx, stap))


def _wia_besluit(ctx: _Context) -> date | None:
    besluiten = ctx.feiten.gedaan(Stap.WIA_BESLUIT)
    return besluiten[-1].op if besluiten else None


# Conditions and anchors, named so the table below reads as the process table does.


# Until the bedrijfsarts judges otherwise, the absence is treated as medical.
MEDISCHE_OORZAAK = Voorwaarde(
    lambda f: f.medische_oorzaak is not False, "geen medische oorzaak volgens de bedrijfsarts"
)


def _spoor2_nodig_na_eerste_jaar(f: DossierFeiten) -> bool:
    # Only an evaluation inside its window decides about spoor 2; an early one decides nothing.
    evaluaties = [u.op for u in f.gedaan(Stap.EERSTEJAARSEVALUATIE)]
    telt = bool(evaluaties) and max(evaluaties) >= Telling(f.periodes).dag(
        EERSTEJAARSEVALUATIE_VANAF
    )
    return not (
        (telt and (f.spoor2_nodig is False or f.perspectief_eigen_werk_binnen_3_maanden))
        or f.duurzaam_geen_mogelijkheden_op is not None
    )


SPOOR2_NODIG = Voorwaarde(
    _spoor2_nodig_na_eerste_jaar,
    "de eerstejaarsevaluatie ziet geen tweede spoor nodig, eigen werk binnen drie maanden in "
    "zicht, of er zijn duurzaam geen mogelijkheden",
)
DUURZAAM = Voorwaarde(
    lambda f: f.duurzaam_geen_mogelijkheden_op is not None,
    "alleen als de bedrijfsarts duurzaam geen mogelijkheden vaststelt",
)


def _geen_passend_eigen_werk(f: DossierFeiten) -> date | None:
    """When it became clear there are possibilities but no suitable work in the own organisation."""
    geen_mogelijkheden = f.duurzaam_geen_mogelijkheden_op is not None or (
        f.benutbare_mogelijkheden is False
    )
    rapporten = f.gedaan(Stap.ARBEIDSDESKUNDIG_RAPPORT)
    if f.passend_eigen_werk is not False or geen_mogelijkheden or not rapporten:
        return None
    return rapporten[-1].op


def _laatste(attribuut: str) -> Callable[[DossierFeiten], date | None]:
    def signaal(f: DossierFeiten) -> date | None:
        data = getattr(f, attribuut)
        return data[-1] if data else None

    return signaal


def _eerste_consult(ctx: _Context) -> tuple[date, int]:
    return ctx.feiten.eerste_ziektedag, week(13)


def _eerste_monitoring(ctx: _Context) -> tuple[date, int]:
    # Every four weeks after the probleemanalyse; while there is none, after its week-6 due date.
    analyse = ctx.eerst(Stap.PROBLEEMANALYSE)
    if analyse is None:
        return ctx.feiten.eerste_ziektedag, week(6 + 4)
    return analyse.op + timedelta(days=1), ctx.telling.nummer(analyse.op) + week(4)


def _eerste_voortgang(ctx: _Context) -> tuple[date, int]:
    # Every four weeks after the plan van aanpak; while there is none, after its week-8 due date.
    plan = ctx.eerst(Stap.PLAN_VAN_AANPAK)
    if plan is None:
        return ctx.feiten.eerste_ziektedag, week(8 + 4)
    return plan.op + timedelta(days=1), ctx.telling.nummer(plan.op) + week(4)


@dataclass(frozen=True)
class Rij:
    """One obligation of the process table (domain.md §5).

    `tabelrij` is the 1-based number of the §5 row it comes from; a §5 row that holds several
    separately evidenced steps (e.g. "before week 91") has several codes.
    """

    code: str
    tabelrij: int
    wanneer: str
    omschrijving: str
    stap: Stap
    regel: Regel
    uitvoerder: Rol
    beoordelaar: Rol | None = None
    classificatie: Classificatie = Classificatie.ADMINISTRATIEF
    wettelijk: bool = False
    bron: str = ""  # where the rule comes from: law article, regulation, UWV or the werkwijzer


# The sources the rows cite most.
WERKWIJZER = "Werkwijzer poortwachter (RSC), bijlage 4.1"
PROCESGANG = "Regeling procesgang eerste en tweede ziektejaar"

WN, WG, CM, BA = Rol.WERKNEMER, Rol.WERKGEVER, Rol.CASEMANAGER, Rol.BEDRIJFSARTS
CMTD, AD, UWV = Rol.CMTD, Rol.ARBEIDSDESKUNDIGE, Rol.UWV
ADMIN, FUNC, MED = Classificatie.ADMINISTRATIEF, Classificatie.FUNCTIONEEL, Classificatie.MEDISCH

# fmt: off
RIJEN: tuple[Rij, ...] = (
    Rij(
        "ziekmelding", 1, "dag 1",
        "Ziekmelding centraal vastleggen",
        Stap.ZIEKMELDING, termijn(1), WG,
        bron=WERKWIJZER,
    ),
    Rij(
        "ziekmelding_uitgevraagd", 2, "dag 1",
        "Lopende taken, afspraken en verwachte duur van het verzuim navragen",
        Stap.ZIEKMELDING_UITGEVRAAGD, termijn(1), WG,
        bron=f"{WERKWIJZER}; AP: wat een werkgever bij ziekte mag vragen",
    ),
    Rij(
        "digitale_triage", 3, "dag 1 (automatisch)",
        "Digitale triage bij de bedrijfsarts laten binnenkomen",
        Stap.DIGITALE_TRIAGE, termijn(1), Rol.SYSTEEM,
        bron=WERKWIJZER,
    ),
    Rij(
        "verzekeraar_geinformeerd", 4, "dag 2",
        "Belanghebbende verzuimverzekeraar van de ziekmelding op de hoogte brengen",
        Stap.VERZEKERAAR_GEINFORMEERD, termijn(2), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "screening", 5, "week 1",
        "Screenen welke werknemer het eerst gebeld moet worden",
        Stap.SCREENING, termijn(week(1)), CMTD, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "triage", 6, "week 1 tot en met 2",
        "Telefonische triage; nagaan of informatie van behandelaars nodig is",
        Stap.TRIAGE_OORDEEL, termijn(week(2)), CMTD, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "oordeel_gerapporteerd", 7, "week 2",
        "Werkgever laten weten of de werknemer kan werken",
        Stap.OORDEEL_GERAPPORTEERD, termijn(week(2)), CMTD, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "toestemming_medische_informatie", 8, "week 2, als informatie van behandelaars nodig is",
        "Toestemming van de werknemer vastleggen voor het opvragen van medische informatie",
        Stap.TOESTEMMING, termijn(week(2), Voorwaarde(
            lambda f: f.medische_informatie_nodig, "geen informatie van behandelaars nodig")), WN,
        classificatie=MED,
        bron=(
            f"AVG art. 9 (gezondheidsgegevens alleen met uitdrukkelijke toestemming); "
            f"{WERKWIJZER}"
        ),
    ),
    Rij(
        "probleemanalyse_psychisch", 9, "week 2 tot en met 4, bij psychische klachten",
        "Vroege probleemanalyse (uiterlijk week 4) na spreekuur bij de bedrijfsarts",
        Stap.PROBLEEMANALYSE, termijn(week(4), Voorwaarde(
            lambda f: f.psychische_klachten, "alleen bij psychische klachten")), BA, BA,
        classificatie=MED,
        bron=WERKWIJZER,
    ),
    Rij(
        "vervroegde_iva_overwegen", 10, "vanaf week 3, bij duurzaam geen mogelijkheden",
        "Een vervroegde IVA-aanvraag overwegen zodra de bedrijfsarts dat oordeel geeft",
        Stap.VERVROEGDE_IVA,
        na_signaal(lambda f: f.duurzaam_geen_mogelijkheden_op, 0, DUURZAAM.anders,
                   vroegste=week(2) + 1), CM, BA,
        classificatie=FUNC,
        bron=f"WIA (vervroegde IVA-aanvraag); {WERKWIJZER}",
    ),
    Rij(
        "stand_van_zaken_week_4", 11, "week 4",
        "Stand van zaken evalueren en de werknemer oproepen voor het spreekuur (probleemanalyse)",
        Stap.WERKNEMER_OPGEROEPEN, termijn(week(4)), CMTD,
        bron=WERKWIJZER,
    ),
    Rij(
        "consult_probleemanalyse", 11, "week 5",
        "Spreekuur bij de bedrijfsarts voor de probleemanalyse",
        Stap.CONSULT, termijn(week(5), MEDISCHE_OORZAAK), BA, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "probleemanalyse", 12, "week 6 (wettelijk)",
        "Probleemanalyse van de bedrijfsarts opleveren",
        Stap.PROBLEEMANALYSE, termijn(week(6), MEDISCHE_OORZAAK), BA, BA, wettelijk=True,
        bron=f"{PROCESGANG} (week 6); WVP",
    ),
    Rij(
        "probleemanalyse_besproken", 13, "week 6",
        "Uitkomsten van de probleemanalyse met werknemer en werkgever bespreken",
        Stap.PROBLEEMANALYSE_BESPROKEN, termijn(week(6), MEDISCHE_OORZAAK), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "plan_van_aanpak", 14, "week 8 (wettelijk)",
        "Plan van aanpak met SMART-afspraken vaststellen en financiële gevolgen uitleggen",
        Stap.PLAN_VAN_AANPAK, plan_van_aanpak, WG, wettelijk=True,
        bron=f"{PROCESGANG} (twee weken na de probleemanalyse, uiterlijk week 8)",
    ),
    Rij(
        "financiele_gevolgen_week_8", 14, "week 8",
        "Financiële gevolgen van langdurige ziekte en WIA-instroom uitleggen aan werknemer en "
        "werkgever",
        Stap.FINANCIELE_GEVOLGEN, termijn(week(8)), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "voortgang_maandelijks", 15, "maandelijks (elke 4 weken na het plan van aanpak)",
        "Voortgang van de afspraken en veranderingen in de situatie bewaken en vastleggen",
        Stap.VOORTGANG, reeks(_eerste_voortgang, week(4)), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "medische_monitoring", 15, "maandelijks (elke 4 weken na de probleemanalyse)",
        "Wijzigingen in de medische situatie monitoren en rapporteren",
        Stap.MEDISCHE_MONITORING, reeks(_eerste_monitoring, week(4)), CMTD, BA,
        classificatie=MED,
        bron=WERKWIJZER,
    ),
    Rij(
        "consult_13_weken", 16, "minstens elke 13 weken",
        "Spreekuur bij de bedrijfsarts met de vragen van de casemanager",
        Stap.CONSULT, reeks(_eerste_consult, week(13)), BA, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "bijstelling_stagnatie", 17, "bij stagnatie (binnen 4 weken)",
        "Plan van aanpak bijstellen nu de re-integratie stagneert",
        Stap.PLAN_VAN_AANPAK_BIJGESTELD,
        na_signaal(_laatste("stagnatie_op"), week(4), "geen stagnatie"), CM,
        classificatie=FUNC,
        bron=f"{PROCESGANG} (bijstellen bij gewijzigde omstandigheden); {WERKWIJZER}",
    ),
    Rij(
        "bijstelling_medische_verandering", 17, "bij medische verandering (binnen 4 weken)",
        "Probleemanalyse en plan van aanpak bijstellen na een verandering die de "
        "bedrijfsarts zag",
        Stap.PLAN_VAN_AANPAK_BIJGESTELD, na_signaal(_laatste("medische_verandering_op"), week(4),
                   "geen medische verandering"),
        CM, BA, classificatie=MED,
        bron=f"{PROCESGANG} (bijstellen bij gewijzigde omstandigheden); {WERKWIJZER}",
    ),
    Rij(
        "spoor2_verkennen", 18, "mogelijkheden maar geen passend eigen werk (binnen 6 weken)",
        "Tweede spoor verkennen: werk bij een andere werkgever",
        Stap.SPOOR2_GESTART, na_signaal(_geen_passend_eigen_werk, week(6),
                   "geen oordeel dat er mogelijkheden zijn maar geen passend eigen werk",
                   alleen_erna=False), CM,
        classificatie=FUNC,
        bron=f"{WERKWIJZER}; domain.md (spoor 2 zodra geen passend eigen werk)",
    ),
    Rij(
        "deskundigenoordeel", 19, "op elk moment, bij twijfel of verschil van inzicht",
        "Deskundigenoordeel bij UWV overwegen en aanvragen",
        Stap.DESKUNDIGENOORDEEL_AANGEVRAAGD, op_verzoek, CM,
        bron=f"BW art. 7:629a en Wet SUWI (deskundigenoordeel UWV); {WERKWIJZER}",
    ),
    Rij(
        "melding_42_weken", 20, "week 42 (wettelijk); eerder bij een vangnetregeling",
        "Ziekmelding bij UWV (42-wekenmelding) indienen",
        Stap.MELDING_42_WEKEN, melding_uwv, CM, wettelijk=True,
        bron=(
            "Ziektewet art. 38 (ziekmelding bij UWV na 42 weken); Algemene termijnenwet; "
            "vangnet: UWV (no-riskpolis en zwangerschap binnen 6 weken), Poortwachtersloket "
            "(orgaandonatie binnen vier werkdagen)"
        ),
    ),
    Rij(
        "belastbaarheid_herbeoordeeld", 21, "voor week 52",
        "Mogelijkheden opnieuw laten vaststellen in een FML of IZP",
        Stap.BELASTBAARHEID, termijn(voor_week(52), vanaf=week(42) + 1), BA, BA,
        bron=f"{WERKWIJZER} (nieuwe FML/IZP voor de eerstejaarsevaluatie)",
    ),
    Rij(
        "arbeidsdeskundig_rapport", 21, "voor week 52",
        "Arbeidsdeskundig rapport op basis van de FML of IZP",
        Stap.ARBEIDSDESKUNDIG_RAPPORT, termijn(voor_week(52)), AD,
        bron=WERKWIJZER,
    ),
    Rij(
        "pre_wia_scan_1", 21, "voor week 52",
        "Pre-WIA-scan laten uitvoeren (eerste risico-inschatting)",
        Stap.PRE_WIA_SCAN_1, termijn(voor_week(52)), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "financiele_gevolgen_week_52", 21, "voor week 52",
        "Financiële gevolgen van het tweede ziektejaar en daarna uitleggen",
        Stap.FINANCIELE_GEVOLGEN_TWEEDE_JAAR, termijn(voor_week(52)), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "eerstejaarsevaluatie", 22, "week 52",
        "Eerstejaarsevaluatie vastleggen, met een besluit over het tweede spoor",
        Stap.EERSTEJAARSEVALUATIE, termijn(week(52), vanaf=EERSTEJAARSEVALUATIE_VANAF), WG,
        bron=f"{PROCESGANG} (eerstejaarsevaluatie); domain.md (week 46 tot 52)",
    ),
    Rij(
        "pre_wia_scan_2", 23, "voor week 58",
        "Pre-WIA-scan laten uitvoeren (tweede risico-inschatting)",
        Stap.PRE_WIA_SCAN_2, termijn(voor_week(58)), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "spoor2_uiterlijk", 23, "week 58, tenzij eigen werk binnen 3 maanden in zicht is",
        "Uiterlijk nu het tweede spoor starten",
        Stap.SPOOR2_GESTART, termijn(week(58), SPOOR2_NODIG), WG,
        classificatie=FUNC,
        bron=f"UWV-beoordelingskader poortwachter; {WERKWIJZER} (week 52 tot 58)",
    ),
    Rij(
        "vervroegde_iva_uiterlijk", 24, "week 67, bij duurzaam geen mogelijkheden",
        "Uiterste moment voor een vervroegde IVA-aanvraag",
        Stap.VERVROEGDE_IVA,
        termijn(week(67), DUURZAAM), WN, BA,
        classificatie=FUNC,
        bron=f"WIA (vervroegde IVA-aanvraag); {WERKWIJZER}",
    ),
    Rij(
        "actueel_oordeel", 25, "voor week 88",
        "Actueel oordeel van de bedrijfsarts",
        Stap.ACTUEEL_OORDEEL, termijn(voor_week(88), vanaf=week(78) + 1, verlengd=True), BA, BA,
        bron=f"{PROCESGANG} (actueel oordeel bij het re-integratieverslag); {WERKWIJZER}",
    ),
    Rij(
        "herstelprognose", 25, "voor week 88",
        "Verklaring of herstel binnen 26 weken te verwachten is",
        Stap.HERSTELPROGNOSE, termijn(voor_week(88), verlengd=True), BA, BA,
        bron=WERKWIJZER,
    ),
    Rij(
        "voorlichting_wia_aanvraag", 25, "voor week 88",
        "Werknemer en werkgever uitleggen hoe de WIA-aanvraag en -beoordeling gaan",
        Stap.VOORLICHTING_WIA_AANVRAAG, termijn(voor_week(88), verlengd=True), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "wia_uitnodiging", 26, "week 88",
        "Nagaan of de uitnodiging van UWV voor de WIA-aanvraag binnen is",
        Stap.WIA_UITNODIGING, termijn(week(88), verlengd=True), CM,
        bron=f"{WERKWIJZER} (UWV nodigt uit rond week 88)",
    ),
    Rij(
        "eindevaluatie", 27, "voor week 91",
        "Eindevaluatie van de re-integratie vastleggen",
        Stap.EINDEVALUATIE, eindevaluatie, WG,
        bron=(
            f"{PROCESGANG} (eindevaluatie); domain.md (uiterlijk week 91, of bij uit dienst "
            "na tien weken ziekte)"
        ),
    ),
    Rij(
        "riv_samengesteld", 27, "voor week 91",
        "Re-integratieverslag samenstellen en naar de werknemer sturen",
        Stap.RIV_SAMENGESTELD, termijn(voor_week(91), verlengd=True), CM,
        bron=f"{PROCESGANG} (re-integratieverslag bij de WIA-aanvraag); {WERKWIJZER}",
    ),
    Rij(
        "medisch_deel_riv", 27, "voor week 91",
        "Medisch deel van het re-integratieverslag van de bedrijfsarts naar de werknemer",
        Stap.MEDISCH_DEEL_RIV, termijn(voor_week(91), verlengd=True), BA, BA,
        bron=f"{PROCESGANG}; AVG (medisch deel via de werknemer, nooit via de werkgever)",
    ),
    Rij(
        "wia_aanvraag", 28, "uiterlijk week 93 (wettelijk)",
        "WIA-aanvraag met re-integratieverslag en medisch dossier bij UWV indienen",
        Stap.WIA_AANVRAAG, termijn(week(93), verlengd=True), WN, wettelijk=True,
        bron=f"WIA (aanvraag uiterlijk in week 93); {WERKWIJZER}",
    ),
    Rij(
        "ontvangstbevestiging", 29, "week 95",
        "Nagaan of UWV de ontvangst van de WIA-aanvraag heeft bevestigd",
        Stap.ONTVANGSTBEVESTIGING, termijn(week(95), verlengd=True), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "ingebrekestelling_uwv", 29, "week 101, als UWV nog niet heeft beslist",
        "UWV in gebreke stellen wegens een te late beslissing",
        Stap.UWV_IN_GEBREKE_GESTELD, ingebrekestelling, WN,
        bron=f"Awb art. 4:17 (ingebrekestelling bij niet tijdig beslissen); {WERKWIJZER}",
    ),
    Rij(
        "uitnodiging_wia_beoordeling", 29, "voor week 101",
        "Nagaan of de werknemer de uitnodiging van UWV voor de WIA-beoordeling heeft",
        Stap.UITNODIGING_WIA_BEOORDELING, termijn(voor_week(101), verlengd=True), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "voorlichting_na_104_weken", 30, "voor week 104",
        "Voorlichten over de situatie na 104 weken ziekte en een mogelijk voorschot op de WIA",
        Stap.VOORLICHTING_NA_104_WEKEN, termijn(voor_week(104), verlengd=True), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "einde_wachttijd", 30, "week 104, later bij loonsanctie of verlenging (wettelijk)",
        "Einde van de wachttijd en WIA-beslissing van UWV",
        Stap.WIA_BESLUIT, einde_wachttijd, UWV, UWV, wettelijk=True,
        bron=(
            "WIA art. 24 (wachttijd; verlenging op gezamenlijk verzoek, ten hoogste 52 weken) "
            "en art. 25 (loonsanctie, ten hoogste 52 weken, en bekorting)"
        ),
    ),
    Rij(
        "uitleg_wia_uitslag", 30, "bij ontvangst van de WIA-beschikking (binnen een week)",
        "De uitslag van de WIA-beschikking uitleggen aan werknemer en werkgever",
        Stap.UITLEG_WIA_UITSLAG, na_besluit(_wia_besluit, BIJ_ONTVANGST), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "verzekeraar_wia_besluit", 30, "bij ontvangst van de WIA-beschikking (binnen een week)",
        "De uitkomst van de WIA-beschikking melden aan belanghebbende verzekeraars",
        Stap.VERZEKERAAR_GEINFORMEERD, na_besluit(_wia_besluit, BIJ_ONTVANGST), CM,
        bron=WERKWIJZER,
    ),
    Rij(
        "bezwaar_loonsanctie", 30, "binnen 6 weken na een loonsanctie",
        "Afwegen en zo nodig bezwaar maken tegen de loonsanctie",
        Stap.BEZWAAR_LOONSANCTIE, bezwaar(lambda ctx: ctx.feiten.loonsanctie_op), WG,
        bron="Awb art. 6:7 (bezwaartermijn zes weken)",
    ),
    Rij(
        "bezwaar_wia_besluit", 30, "binnen 6 weken na de WIA-beschikking",
        "Afwegen en zo nodig bezwaar maken tegen de WIA-beschikking",
        Stap.BEZWAAR_WIA_BESLUIT, bezwaar(_wia_besluit), WG,
        bron=(
            f"Awb art. 6:7 (bezwaartermijn zes weken); "
            f"{WERKWIJZER} (binnen 6 weken na de WIA-beschikking)"
        ),
    ),
    Rij(
        "herstelmelding", 31, "op elk moment",
        "Herstel (geheel of gedeeltelijk) melden",
        Stap.HERSTELMELDING, herstelmelding, WN,
        bron=WERKWIJZER,
    ),
)
# fmt: on

CODES: tuple[str, ...] = tuple(r.code for r in RIJEN)


def kalender(feiten: DossierFeiten, peildatum: date) -> list[Verplichting]:
    """Every obligation of the process table for this dossier, in table order, as of peildatum."""
    ctx = _Context(feiten, peildatum, Telling(feiten.periodes))
    verplichtingen = []
    for rij in RIJEN:
        if feiten.ingetrokken_op is not None:  # a ziekmelding made by mistake: nothing is due
            reden = f"de ziekmelding is ingetrokken per {feiten.ingetrokken_op}"
            uiterlijk, gedaan, status, reden = None, None, Status.NIET_VAN_TOEPASSING, reden
        else:
            uiterlijk, gedaan, status, reden = Uitkomst(*rij.regel(ctx, rij.stap))
        uit = feiten.uit_dienst_op
        if (
            uit is not None
            and status in (Status.OPEN, Status.VERLOPEN)
            and (uiterlijk is None or uiterlijk > uit)
        ):
            # Ziek uit dienst: the employer's obligations end; UWV takes the case over.
            status, reden = Status.NIET_VAN_TOEPASSING, f"uit dienst per {uit}: UWV neemt over"
        if status is Status.NIET_VAN_TOEPASSING and reden is None:
            # The one way a row lapses without its rule saying why: the period closed.
            reden = f"vervallen: hersteld per {ctx.telling.herstel}"
        verplichtingen.append(
            Verplichting(
                code=rij.code,
                omschrijving=rij.omschrijving,
                wettelijk=rij.wettelijk,
                uiterlijk=uiterlijk,
                status=status,
                gedaan_op=gedaan.op if gedaan else None,
                vastgelegd_op=gedaan.vastgelegd if gedaan else None,
                uitvoerder=rij.uitvoerder,
                beoordelaar=rij.beoordelaar,
                classificatie=rij.classificatie,
                reden=reden,
            )
        )
    return verplichtingen


def signalen(
    verplichtingen: Iterable[Verplichting], peildatum: date, vooruit_dagen: int = 14
) -> list[Verplichting]:
    """The obligations that need attention: overdue ones and open ones due within the window.

    Sorted by due date. An open obligation whose due date lies before `peildatum` counts as
    overdue, so a calendar made for an earlier day still signals correctly.
    """
    horizon = peildatum + timedelta(days=vooruit_dagen)
    gekozen = [
        v
        for v in verplichtingen
        if v.status is Status.VERLOPEN
        or (v.status is Status.OPEN and v.uiterlijk is not None and v.uiterlijk <= horizon)
    ]
    return sorted(gekozen, key=lambda v: v.uiterlijk)
