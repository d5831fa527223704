"""Drive one verzuimdossier through the Wet verbetering poortwachter process.

A `Casus` describes a case: who is involved, when the employee fell ill, how long each sick spell
lasted, how the case goes (psychological complaints, a referral, spoor 2, ...) and a per-step
`StapPlan` (done or missed, days late, days between the fact and its recording). `plan_stappen`
turns it into dated commands in valid-time order; `walk` runs them through `Platform.execute` with
the clock set to each step's recording moment, so recorded time follows valid time. The simulator
merges many cases' steps into one timeline and runs them with `voer_uit`. `DossierBuilder` runs a
case's steps one at a time, for tests and benchmarks that need a dossier in a given state.

When a step is due comes from the poortwachter calendar, the one source of deadlines: `rooster`
reads each row's due day from `poortwachter.kalender` and plans the step that row checks a few
days before it ("on time" is comfortably before the deadline), so a change in the process table
moves the simulator. The days count sick days, as the calendar does: a case's own spells map
them onto dates, so the days between spells of one period are skipped.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any, Protocol

from events import Actor, Rol
from poortwachter.feiten import DossierFeiten, Uitvoering
from poortwachter.kalender import Telling, kalender
from services.shared import clock
from services.shared.commands import CommandResult
from services.werkgever.domainmodel import SAMENTELLING
from wvp.runtime import Platform

# The reference dossier the schedule is read from: one spell without herstel, from a Monday with
# no holiday near week 42, so the 42-weken melding falls due the day after week 42; in any other
# dossier it falls due no earlier.
_REFERENTIE = date(2024, 1, 1)
# Past every term, so a recurring row shows the term that follows its last performance.
_NA_ALLE_TERMIJNEN = _REFERENTIE + timedelta(weeks=520)


def vervaldagen(gedaan: Mapping[str, tuple[int, ...]] | None = None) -> dict[str, int | None]:
    """The day each row of the calendar falls due in the reference dossier, counted from its first
    sick day (day 0), with the process steps `gedaan` done on the given days; None where the row
    has no due date (it awaits a signal, or its term runs past the waiting period)."""
    stappen = {
        stap: tuple(Uitvoering(_REFERENTIE + timedelta(days=d)) for d in dagen)
        for stap, dagen in (gedaan or {}).items()
    }
    feiten = DossierFeiten(((_REFERENTIE, None),), stappen, medische_oorzaak=True)
    return {
        v.code: None if v.uiterlijk is None else (v.uiterlijk - _REFERENTIE).days
        for v in kalender(feiten, _NA_ALLE_TERMIJNEN)
    }


# Relapses less than four weeks after herstel continue the same dossier (samentelling).
SAMENTELLING_DAGEN = SAMENTELLING.days
# The waiting period's length; a case still ill at its end ends with the WIA decision.
WACHTTIJD_DAGEN = vervaldagen()["einde_wachttijd"] + 1

# The steps a row of the calendar checks: step code -> (row code, days before the row falls due).
OP_TERMIJN: dict[str, tuple[str, int]] = {
    "verzekeraar_start": ("verzekeraar_geinformeerd", 0),
    "screening": ("screening", 3),
    "triage_oordeel": ("triage", 6),
    "oordeel_gerapporteerd": ("oordeel_gerapporteerd", 4),
    "toestemming": ("toestemming_medische_informatie", 3),
    "melding_42_weken": ("melding_42_weken", 14),
    "belastbaarheid": ("belastbaarheid_herbeoordeeld", 41),
    "ad_rapport": ("arbeidsdeskundig_rapport", 16),
    "eerstejaarsevaluatie": ("eerstejaarsevaluatie", 6),
    "spoor2": ("spoor2_uiterlijk", 41),
    "herstelprognose": ("herstelprognose", 33),
    "actueel_oordeel": ("actueel_oordeel", 28),
    "wia_uitnodiging": ("wia_uitnodiging", 2),
    "eindevaluatie": ("eindevaluatie", 11),
    "medisch_deel_riv": ("medisch_deel_riv", 7),
    "riv_samengesteld": ("riv_samengesteld", 4),
    "wia_aanvraag": ("wia_aanvraag", 10),
    "ontvangstbevestiging": ("ontvangstbevestiging", 9),
    "wia_besluit": ("einde_wachttijd", 27),
    "pre_wia_scan_1": ("pre_wia_scan_1", 20),
    "uitleg_tweede_jaar": ("financiele_gevolgen_week_52", 14),
    "pre_wia_scan_2": ("pre_wia_scan_2", 10),
    "uitleg_wia_aanvraag": ("voorlichting_wia_aanvraag", 20),
    "uitnodiging_wia_beoordeling": ("uitnodiging_wia_beoordeling", 10),
    "uitleg_na_104_weken": ("voorlichting_na_104_weken", 10),
}
# The probleemanalyse: early (week 2-4) for psychological complaints, else by week 6.
PROBLEEMANALYSE = {True: ("probleemanalyse_psychisch", 3), False: ("probleemanalyse", 6)}


@dataclass(frozen=True)
class Rooster:
    """The day of each step, counted from the first sick day (day 0) of a dossier without herstel.
    Steps no row checks follow the steps they belong to; the recurring ones are series."""

    dag: Mapping[str, int]
    voortgang: tuple[int, ...]  # monthly progress after the plan van aanpak
    monitoring: tuple[int, ...]  # monthly check of the medical situation after the analysis
    consulten: tuple[int, ...]  # the bedrijfsarts' spreekuur at least every 13 weeks


def _reeks(
    rij: str, stap: str, gedaan: Mapping[str, tuple[int, ...]], marge: int
) -> tuple[int, ...]:
    """A recurring step, each time `marge` days before the row's running term falls due; each
    performance starts the next term, and no term runs past the waiting period."""
    dagen: list[int] = []
    eerder = gedaan.get(stap, ())
    while (vervalt := vervaldagen({**gedaan, stap: (*eerder, *dagen)})[rij]) is not None:
        dagen.append(vervalt - marge)
    return tuple(dagen)


@cache
def rooster(psychisch: bool) -> Rooster:
    """The schedule of a case, read from the calendar (see the module docstring)."""
    vervalt = vervaldagen()
    dag = {stap: vervalt[rij] - marge for stap, (rij, marge) in OP_TERMIJN.items()}
    rij, marge = PROBLEEMANALYSE[psychisch]
    analyse = dag["probleemanalyse"] = vervalt[rij] - marge
    # Once the probleemanalyse is there, the table sets the plan van aanpak's due date by it.
    plan = dag["plan_van_aanpak"] = vervaldagen({"probleemanalyse": (analyse,)})["plan_van_aanpak"]
    consult = dag["consult"] = analyse - 4  # the spreekuur the probleemanalyse follows
    fml = dag["belastbaarheid"]
    besluit = dag["wia_besluit"]
    dag.update(
        casemanager_aangesteld=vervalt["ziekmelding"],
        bedrijfsarts_toegewezen=vervalt["ziekmelding"],
        taakdelegatie=dag["screening"] - 1,
        triage_informatie=dag["triage_oordeel"] - 2,
        medische_informatie=dag["toestemming"] + 1,
        # The first call-up also answers the week-4 stand van zaken.
        oproep_consult=min(consult - 5, vervalt["stand_van_zaken_week_4"] - 2),
        gesprek_probleemanalyse=min(analyse + 4, vervalt["probleemanalyse_besproken"]),
        # A referral right after the probleemanalyse: the provider's intervention and invoice.
        verwijzing=analyse + 1,
        verwijzing_geaccepteerd=analyse + 3,
        interventie_gestart=analyse + 8,
        voortgangsrapportage=analyse + 29,
        interventie_afgerond=analyse + 50,
        factuur=analyse + 53,
        # Scenario choices, no deadline: back at 50% in month 5, a deskundigenoordeel in month 7.
        gedeeltelijk_herstel=140,
        plan_bijgesteld=150,
        deskundigenoordeel_aangevraagd=200,
        deskundigenoordeel_brief=235,
        arbeidsdeskundige_toegewezen=fml + 3,
        ad_opdracht=fml + 4,
        ad_adviesgesprek=fml + 10,
        zienswijze=dag["riv_samengesteld"] - 5,
        riv_toets=besluit - 20,
        verzekeraar_wia=besluit + 1,
        uitleg_wia_uitslag=besluit + 2,
    )
    return Rooster(
        dag,
        voortgang=_reeks("voortgang_maandelijks", "voortgang", {"plan_van_aanpak": (plan,)}, 0),
        monitoring=_reeks(
            "medische_monitoring", "medische_monitoring", {"probleemanalyse": (analyse,)}, 0
        ),
        consulten=_reeks("consult_13_weken", "consult", {"consult": (consult,)}, 3),
    )


@dataclass(frozen=True)
class Betrokkenen:
    """The parties of one case. HR and the casemanager belong to the employer's organisation."""

    werkgever_id: str
    werknemer_id: str
    hr: Actor
    casemanager: Actor
    bedrijfsarts: Actor
    arbeidsdeskundige: Actor
    provider: Actor  # its organisatie is the provider id in the catalogue
    uwv: Actor
    cmtd: Actor | None = None  # works under a taakdelegatie of `bedrijfsarts`
    # True: the walk delegates for this dossier alone; False: a caseload delegation
    # (`delegatie_voor_caseload`) is already in place.
    delegatie_per_dossier: bool = True
    provider_naam: str = "Praktijk voor psychologie"
    provider_soort: str = "psycholoog"
    verzekeraar_id: str = "verzekeraar"
    reintegratiebedrijf_id: str = "reintegratiebedrijf"

    @property
    def werknemer(self) -> Actor:
        return Actor(rol=Rol.WERKNEMER, persoon_id=self.werknemer_id, organisatie=self.werkgever_id)

    @property
    def uitvoerder(self) -> Actor:
        """Who performs the delegable bedrijfsarts tasks: the CMTD if there is one."""
        return self.cmtd or self.bedrijfsarts


@dataclass(frozen=True)
class Verloop:
    """How a case goes, beyond its dates."""

    psychisch: bool = False  # first consultation and probleemanalyse earlier (week 2-4)
    medische_informatie: bool = False  # consent, then a request to the treating doctor
    verwijzing: bool = False  # a referral to the provider, ending with an invoice
    gedeeltelijk_herstel: bool = False  # back at 50% in month 5, with a bijgesteld plan
    deskundigenoordeel: bool = False
    spoor2: bool = False  # the arbeidsdeskundige and the eerstejaarsevaluatie call for spoor 2
    riv_voldoende: bool = True  # False: UWV imposes a loonsanctie and the WIA decision waits
    wia_uitkomst: str = "WGA"
    arbeidsongeschiktheid: int = 60


@dataclass(frozen=True)
class StapPlan:
    """What happens to one step: missed (`gedaan=False`), or done `dagen_te_laat` days after its
    on-time day (negative: earlier) and recorded `registratie_vertraging` days after it took effect.
    """

    gedaan: bool = True
    dagen_te_laat: int = 0
    registratie_vertraging: int = 0


OP_TIJD = StapPlan()


@dataclass
class Casus:
    betrokkenen: Betrokkenen
    eerste_ziektedag: date
    duur_dagen: int | None  # first spell; None: still ill when the 104 weeks end
    # Relapses within four weeks: (days between herstel and the new ziekmelding, duration or None).
    herhalingen: list[tuple[int, int | None]] = field(default_factory=list)
    verloop: Verloop = field(default_factory=Verloop)
    plan: dict[str, StapPlan] = field(default_factory=dict)
    # Proposed at the ziekmelding (or left to the werkgever service); set once it is registered.
    dossier_id: str | None = None
    uitgevoerd: set[str] = field(default_factory=set)  # codes of the steps run so far

    def perioden(self) -> list[tuple[date, date | None]]:
        """The sick spells as (first day, herstel day or None)."""
        spells: list[tuple[date, date | None]] = []
        begin, duur = self.eerste_ziektedag, self.duur_dagen
        for gat, volgende in [*self.herhalingen, (None, None)]:
            if duur is None:
                spells.append((begin, None))
                break
            herstel = begin + timedelta(days=duur)
            spells.append((begin, herstel))
            if gat is None:
                break
            if not 0 <= gat < SAMENTELLING_DAGEN:
                raise ValueError(f"herhaling na {gat} dagen valt niet binnen de samentelling")
            begin, duur = herstel + timedelta(days=gat), volgende
        return spells

    @property
    def einde(self) -> date:
        """The day the walk ends: the last herstel, or the day after the waiting period (which
        counts sick days, so the days between spells of the period add to it)."""
        perioden = self.perioden()
        return perioden[-1][1] or Telling(perioden).dag(WACHTTIJD_DAGEN) + timedelta(days=1)


Velden = Callable[[Casus, date], dict[str, Any]]


@dataclass(frozen=True)
class Stap:
    code: str  # unique within a case; the key of `Casus.plan`
    dag: int  # on-time day, counted from the first sick day
    command: str
    actor: str  # attribute of Betrokkenen that acts
    velden: Velden
    na: tuple[str, ...] = ()  # steps that must be done first; if one is missed, so is this one
    herhalend: bool = False  # a routine step: skipped, not postponed, while the employee works
    vast: bool = False  # ziekmelding/herstel: happens on its own date, never shifted


@dataclass(frozen=True)
class GeplandeStap:
    casus: Casus
    stap: Stap
    geldig_op: date
    geregistreerd: datetime
    dagen_te_laat: int


@dataclass
class Planning:
    stappen: list[GeplandeStap]
    gemist: list[str]  # steps whose day came while the employee was ill, but that were not done

    @property
    def te_laat(self) -> list[str]:
        return [g.stap.code for g in self.stappen if g.dagen_te_laat > 0]


def _vast(waarden: dict[str, Any]) -> Velden:
    return lambda casus, op: dict(waarden)


def _afspraken(op: date) -> list[dict[str, str]]:
    return [
        {
            "wat": "Werkhervatting in eigen werk, 2 x 4 uur",
            "wie": "werknemer",
            "uiterlijk": str(op + timedelta(days=28)),
        },
        {
            "wat": "Aanpassing werkplek regelen",
            "wie": "werkgever",
            "uiterlijk": str(op + timedelta(days=21)),
        },
    ]


def _ziekmelding(casus: Casus, op: date) -> dict[str, Any]:
    b = casus.betrokkenen
    return {
        "werknemer_id": b.werknemer_id,
        "werkgever_id": b.werkgever_id,
        "telefoon": "06-12345678",
        "verwachte_duur_dagen": max(1, min(casus.duur_dagen or 60, 800)),
        "lopende_taken": "Lopende klantafspraken overdragen aan een collega",
    }


def _probleemanalyse(casus: Casus, op: date) -> dict[str, Any]:
    psychisch = casus.verloop.psychisch
    return {
        "mogelijkheden": "Kan licht werk doen, 4 uur per dag, met regelmatige pauzes",
        "beperkingen": "Beperkt in concentratie en tijdsdruk"
        if psychisch
        else "Beperkt in tillen, bukken en langdurig staan",
        "advies": "Opbouw in eigen werk in zes weken; evaluatie na vier weken",
        "diagnose": "Overspanning" if psychisch else "Aspecifieke lage rugklachten",
        "behandeling": "Gesprekken bij psycholoog" if psychisch else "Oefentherapie",
    }


def _verwijzing(casus: Casus) -> str:
    return f"vw-{casus.dossier_id}"


def _riv_onderdelen(casus: Casus, op: date) -> dict[str, Any]:
    onderdelen = [
        "probleemanalyse",
        "plan_van_aanpak",
        "eerstejaarsevaluatie",
        "eindevaluatie",
        "actueel_oordeel",
        "medisch_deel",
        "zienswijze_werknemer",
        "arbeidsdeskundig_rapport",
    ]
    if "spoor2" in casus.uitgevoerd:
        onderdelen.append("spoor2")
    if "deskundigenoordeel_aangevraagd" in casus.uitgevoerd:
        onderdelen.append("deskundigenoordeel")
    return {"onderdelen": onderdelen}


def _riv_toets(casus: Casus, op: date) -> dict[str, Any]:
    if casus.verloop.riv_voldoende:
        return {"voldoende": True, "motivering": "Re-integratie-inspanningen voldoende"}
    return {
        "voldoende": False,
        "loonsanctie_tot": str(casus.eerste_ziektedag + timedelta(weeks=156)),
        "motivering": "Re-integratie-inspanningen onvoldoende; loonsanctie opgelegd",
    }


# What a bedrijfsarts delegates to its CMTD here: everything delegable that the walk uses.
GEDELEGEERDE_TAKEN = (
    "triage",
    "informatie_vastleggen",
    "medische_informatie_opvragen",
    "werknemer_oproepen",
    "oordeel_rapporteren",
    "maandelijkse_monitoring",
)


def _delegatie(delegatie_id: str, cmtd: Actor, dossiers: list[str] | None, tot: date) -> dict:
    return {
        "delegatie_id": delegatie_id,
        "gedelegeerde_id": cmtd.persoon_id,
        "taken": list(GEDELEGEERDE_TAKEN),
        "dossiers": dossiers,
        "tot": str(tot),
    }


def delegatie_voor_caseload(
    platform: Platform, delegatie_id: str, bedrijfsarts: Actor, cmtd: Actor, van: date, tot: date
) -> None:
    """A bedrijfsarts delegates the walk's tasks to its CMTD for its whole caseload."""
    velden = _delegatie(delegatie_id, cmtd, None, tot)
    with clock.frozen_at(datetime.combine(van, time(6, 0), UTC)):
        platform.execute(
            "verleen_taakdelegatie", bedrijfsarts, None, {**velden, "geldig_op": str(van)}
        )


def _consulten(ziektedag: Callable[[int], int], dagen: tuple[int, ...]) -> list[Stap]:
    """The bedrijfsarts sees the employee at least every 13 weeks, called by the uitvoerder."""
    stappen = []
    for n, dag in enumerate(dagen, start=1):
        stappen += [
            Stap(
                f"oproep_13w_{n}",
                ziektedag(dag - 5),
                "roep_werknemer_op",
                "uitvoerder",
                lambda c, op: {"datum_consult": str(op + timedelta(days=5))},
                herhalend=True,
            ),
            Stap(
                f"consult_13w_{n}",
                ziektedag(dag),
                "leg_consult_vast",
                "bedrijfsarts",
                _vast({"verslag": "Periodiek consult met vragen van de casemanager"}),
                herhalend=True,
            ),
        ]
    return stappen


def _voortgang(ziektedag: Callable[[int], int], dagen: tuple[int, ...]) -> list[Stap]:
    return [
        Stap(
            f"voortgang_{n}",
            ziektedag(dag),
            "leg_voortgang_vast",
            "casemanager",
            _vast({"samenvatting": "Afspraken uit het plan van aanpak besproken"}),
            herhalend=True,
        )
        for n, dag in enumerate(dagen, start=1)
    ]


def _monitoring(ziektedag: Callable[[int], int], dagen: tuple[int, ...]) -> list[Stap]:
    return [
        Stap(
            f"medische_monitoring_{n}",
            ziektedag(dag),
            "monitor_medische_situatie",
            "uitvoerder",
            _vast({"verandering": False, "aantekening": "Medische situatie ongewijzigd"}),
            herhalend=True,
        )
        for n, dag in enumerate(dagen, start=1)
    ]


def _gesprek(onderwerp: str, verslag: str) -> Velden:
    return _vast({"onderwerp": onderwerp, "verslag": verslag})


def _spells(casus: Casus) -> list[Stap]:
    """Ziekmelding, herstel and insurer messages of every spell, on their own dates."""
    stappen = []
    perioden = casus.perioden()
    for n, (begin, herstel) in enumerate(perioden):
        if n:
            dag = (begin - casus.eerste_ziektedag).days
            stappen += [
                Stap(
                    f"ziekmelding_{n + 1}",
                    dag,
                    "registreer_ziekmelding",
                    "hr",
                    _ziekmelding,
                    vast=True,
                ),
                Stap(
                    f"verzekeraar_wijziging_{n + 1}",
                    dag,
                    "informeer_verzekeraar",
                    "casemanager",
                    _melding_verzekeraar("wijziging"),
                    vast=True,
                ),
            ]
        if herstel is not None:
            dag = (herstel - casus.eerste_ziektedag).days
            stappen += [
                Stap(f"herstel_{n + 1}", dag, "registreer_herstel", "hr", _vast({}), vast=True),
                Stap(
                    f"verzekeraar_herstel_{n + 1}",
                    dag,
                    "informeer_verzekeraar",
                    "casemanager",
                    _melding_verzekeraar("herstel"),
                    vast=True,
                ),
            ]
    return stappen


def _melding_verzekeraar(melding: str) -> Velden:
    return lambda c, op: {"verzekeraar_id": c.betrokkenen.verzekeraar_id, "melding": melding}


def stappen(casus: Casus) -> list[Stap]:
    """Every step the case could take, in on-time order (dependencies always come first)."""
    b, v = casus.betrokkenen, casus.verloop
    schema = rooster(v.psychisch)
    telling = Telling(casus.perioden())

    def ziektedag(n: int) -> int:
        """Day `n` of the schedule on this case's sick days: the days between spells are skipped."""
        return (telling.dag(n + 1) - casus.eerste_ziektedag).days

    def dag(code: str) -> int:
        return ziektedag(schema.dag[code])

    lijst = [
        Stap("ziekmelding", 0, "registreer_ziekmelding", "hr", _ziekmelding, vast=True),
        Stap(
            "casemanager_aangesteld",
            dag("casemanager_aangesteld"),
            "stel_casemanager_aan",
            "hr",
            lambda c, op: {"persoon_id": b.casemanager.persoon_id, "naam": "Casemanager"},
        ),
        Stap(
            "bedrijfsarts_toegewezen",
            dag("bedrijfsarts_toegewezen"),
            "wijs_bedrijfsarts_toe",
            "hr",
            _vast(
                {"persoon_id": b.bedrijfsarts.persoon_id, "organisatie": b.bedrijfsarts.organisatie}
            ),
        ),
        Stap(
            "verzekeraar_start",
            dag("verzekeraar_start"),
            "informeer_verzekeraar",
            "casemanager",
            _melding_verzekeraar("start"),
        ),
    ]
    if b.cmtd is not None and b.delegatie_per_dossier:
        lijst.append(
            Stap(
                "taakdelegatie",
                dag("taakdelegatie"),
                "verleen_taakdelegatie",
                "bedrijfsarts",
                lambda c, op: _delegatie(
                    f"del-{c.dossier_id}",
                    b.cmtd,
                    [c.dossier_id],
                    c.eerste_ziektedag + timedelta(days=WACHTTIJD_DAGEN + 60),
                ),
            )
        )
    lijst += [
        Stap(
            "screening",
            dag("screening"),
            "voer_screening_uit",
            "uitvoerder",
            _vast({"prioriteit": 2}),
        ),
        Stap(
            "triage_informatie",
            dag("triage_informatie"),
            "leg_triage_informatie_vast",
            "uitvoerder",
            _vast(
                {"aantekening": "Telefonische triage: klachten sinds een week, onder behandeling"}
            ),
        ),
        Stap(
            "triage_oordeel",
            dag("triage_oordeel"),
            "geef_triage_oordeel",
            "bedrijfsarts",
            _vast(
                {
                    "medische_oorzaak": True,
                    "psychische_klachten": v.psychisch,
                    "medische_informatie_nodig": v.medische_informatie,
                    "toelichting": "Klachten verklaren het verzuim",
                }
            ),
        ),
        Stap(
            "oordeel_gerapporteerd",
            dag("oordeel_gerapporteerd"),
            "rapporteer_oordeel",
            "uitvoerder",
            _vast({"kan_werken": False, "toelichting": "Voorlopig geen benutbare mogelijkheden"}),
            na=("triage_oordeel",),
        ),
    ]
    if v.medische_informatie:
        lijst += [
            Stap(
                "toestemming",
                dag("toestemming"),
                "registreer_toestemming",
                "werknemer",
                _vast(
                    {
                        "toestemming_id": "tst-1",
                        "behandelaar": "huisarts",
                        "doel": "Beloop van de klachten",
                    }
                ),
            ),
            Stap(
                "medische_informatie",
                dag("medische_informatie"),
                "vraag_medische_informatie_op",
                "uitvoerder",
                _vast(
                    {
                        "toestemming_id": "tst-1",
                        "behandelaar": "huisarts",
                        "vraag": "Wat is het beloop?",
                    }
                ),
                na=("toestemming",),
            ),
        ]
    lijst += [
        Stap(
            "oproep_consult",
            dag("oproep_consult"),
            "roep_werknemer_op",
            "uitvoerder",
            lambda c, op: {"datum_consult": str(op + timedelta(days=5))},
        ),
        Stap(
            "consult",
            dag("consult"),
            "leg_consult_vast",
            "bedrijfsarts",
            _vast({"verslag": "Eerste spreekuur, klachten en belastbaarheid besproken"}),
        ),
        Stap(
            "probleemanalyse",
            dag("probleemanalyse"),
            "lever_probleemanalyse_op",
            "bedrijfsarts",
            _probleemanalyse,
        ),
    ]
    if v.verwijzing:
        lijst += _provider_stappen(dag)
    lijst += [
        Stap(
            "gesprek_probleemanalyse",
            dag("gesprek_probleemanalyse"),
            "leg_gesprek_vast",
            "casemanager",
            _vast({"onderwerp": "probleemanalyse", "verslag": "Advies besproken met werknemer"}),
            na=("probleemanalyse",),
        ),
        Stap(
            "plan_van_aanpak",
            dag("plan_van_aanpak"),
            "stel_plan_van_aanpak_vast",
            "hr",
            lambda c, op: {
                "doel": "Terugkeer in eigen werk",
                "afspraken": _afspraken(op),
                "financiele_gevolgen_uitgelegd": True,
            },
            na=("probleemanalyse",),
        ),
    ]
    lijst += _voortgang(ziektedag, schema.voortgang)
    lijst += _monitoring(ziektedag, schema.monitoring)
    lijst += _consulten(ziektedag, schema.consulten)
    if v.gedeeltelijk_herstel:
        lijst += [
            Stap(
                "gedeeltelijk_herstel",
                dag("gedeeltelijk_herstel"),
                "wijzig_verzuimpercentage",
                "hr",
                _vast({"verzuimpercentage": 50}),
            ),
            Stap(
                "plan_bijgesteld",
                dag("plan_bijgesteld"),
                "stel_plan_van_aanpak_bij",
                "hr",
                lambda c, op: {
                    "reden": "Gedeeltelijke werkhervatting",
                    "afspraken": _afspraken(op),
                },
                na=("plan_van_aanpak",),
            ),
        ]
    if v.deskundigenoordeel:
        lijst += [
            Stap(
                "deskundigenoordeel_aangevraagd",
                dag("deskundigenoordeel_aangevraagd"),
                "vraag_deskundigenoordeel_aan",
                "hr",
                _vast({"vraag": "passende_arbeid", "aanvrager": "werkgever"}),
            ),
            Stap(
                # UWV knows the case only after the 42-weken melding and answers by letter; the
                # casemanager records the letter, which is not UWV's decision itself.
                "deskundigenoordeel_brief",
                dag("deskundigenoordeel_brief"),
                "registreer_uwv_brief",
                "casemanager",
                lambda c, op: {
                    "gedateerd": str(op - timedelta(days=2)),
                    "kenmerk": f"DO-{c.betrokkenen.werknemer.persoon_id}",
                    "soort": "deskundigenoordeel",
                    "samenvatting": "Het aangeboden werk is passend",
                },
                na=("deskundigenoordeel_aangevraagd",),
            ),
        ]
    lijst += [
        Stap(
            "melding_42_weken",
            dag("melding_42_weken"),
            "dien_melding_42_weken_in",
            "casemanager",
            _kenmerk("42W"),
        ),
        Stap(
            "belastbaarheid",
            dag("belastbaarheid"),
            "stel_belastbaarheid_vast",
            "bedrijfsarts",
            _vast({"instrument": "FML", "beperkingen": ["tillen", "bukken", "tijdsdruk"]}),
        ),
        Stap(
            "arbeidsdeskundige_toegewezen",
            dag("arbeidsdeskundige_toegewezen"),
            "wijs_arbeidsdeskundige_toe",
            "hr",
            _vast(
                {
                    "persoon_id": b.arbeidsdeskundige.persoon_id,
                    "organisatie": b.arbeidsdeskundige.organisatie,
                }
            ),
        ),
        Stap(
            "ad_opdracht",
            dag("ad_opdracht"),
            "ontvang_opdracht",
            "arbeidsdeskundige",
            _vast(
                {"opdrachtgever": b.werkgever_id, "vraag": "Is er passend werk, eigen of ander?"}
            ),
            na=("arbeidsdeskundige_toegewezen",),
        ),
        Stap(
            "ad_adviesgesprek",
            dag("ad_adviesgesprek"),
            "leg_adviesgesprek_vast",
            "arbeidsdeskundige",
            _vast({"verslag": "Mogelijkheden in eigen en ander werk verkend"}),
            na=("ad_opdracht",),
        ),
        Stap(
            "ad_rapport",
            dag("ad_rapport"),
            "lever_rapport_op",
            "arbeidsdeskundige",
            _vast(
                {
                    "conclusie": "Eigen werk niet passend"
                    if v.spoor2
                    else "Eigen werk aangepast passend",
                    "passend_eigen_werk": not v.spoor2,
                    "spoor2_advies": v.spoor2,
                }
            ),
            na=("ad_opdracht", "belastbaarheid"),
        ),
        Stap(
            "pre_wia_scan_1",
            dag("pre_wia_scan_1"),
            "leg_pre_wia_scan_vast",
            "casemanager",
            _vast({"ronde": 1}),
        ),
        Stap(
            "uitleg_tweede_jaar",
            dag("uitleg_tweede_jaar"),
            "leg_gesprek_vast",
            "casemanager",
            _gesprek("financiele_gevolgen_tweede_jaar", "Gevolgen van het tweede ziektejaar"),
        ),
        Stap(
            "pre_wia_scan_2",
            dag("pre_wia_scan_2"),
            "leg_pre_wia_scan_vast",
            "casemanager",
            _vast({"ronde": 2}),
        ),
        Stap(
            "eerstejaarsevaluatie",
            dag("eerstejaarsevaluatie"),
            "leg_eerstejaarsevaluatie_vast",
            "hr",
            _vast({"conclusie": "Eerste ziektejaar geëvalueerd", "spoor2_nodig": v.spoor2}),
        ),
    ]
    if v.spoor2:
        lijst.append(
            Stap(
                "spoor2",
                dag("spoor2"),
                "start_spoor2",
                "hr",
                _vast(
                    {
                        "reintegratiebedrijf_id": b.reintegratiebedrijf_id,
                        "reden": "Geen passend werk in de eigen organisatie",
                    }
                ),
            )
        )
    lijst += [
        Stap(
            "herstelprognose",
            dag("herstelprognose"),
            "geef_herstelprognose",
            "bedrijfsarts",
            _vast(
                {"herstel_binnen_26_weken": False, "toelichting": "Geen herstel binnen 26 weken"}
            ),
        ),
        Stap(
            "actueel_oordeel",
            dag("actueel_oordeel"),
            "geef_actueel_oordeel",
            "bedrijfsarts",
            _vast(
                {"conclusie": "Blijvend beperkt in belastbaarheid", "benutbare_mogelijkheden": True}
            ),
        ),
        Stap(
            "uitleg_wia_aanvraag",
            dag("uitleg_wia_aanvraag"),
            "leg_gesprek_vast",
            "casemanager",
            _gesprek("wia_aanvraag", "Hoe de WIA-aanvraag en de beoordeling gaan"),
        ),
        Stap(
            "wia_uitnodiging",
            dag("wia_uitnodiging"),
            "registreer_wia_uitnodiging",
            "casemanager",
            _vast({}),
        ),
        Stap(
            "eindevaluatie",
            dag("eindevaluatie"),
            "leg_eindevaluatie_vast",
            "hr",
            _vast({"conclusie": "Re-integratie afgerond zonder volledige werkhervatting"}),
        ),
        Stap(
            "zienswijze",
            dag("zienswijze"),
            "leg_zienswijze_vast",
            "werknemer",
            _vast({"zienswijze": "Ik kan mij vinden in het verloop van de re-integratie"}),
        ),
        Stap(
            "medisch_deel_riv",
            dag("medisch_deel_riv"),
            "overhandig_medisch_deel_riv",
            "bedrijfsarts",
            _vast({"samenvatting": "Medische samenvatting voor de verzekeringsarts"}),
        ),
        Stap(
            "riv_samengesteld",
            dag("riv_samengesteld"),
            "stel_riv_samen",
            "casemanager",
            _riv_onderdelen,
            na=(
                "probleemanalyse",
                "plan_van_aanpak",
                "eerstejaarsevaluatie",
                "eindevaluatie",
                "actueel_oordeel",
                "medisch_deel_riv",
                "zienswijze",
                "ad_rapport",
            ),
        ),
        Stap(
            "wia_aanvraag",
            dag("wia_aanvraag"),
            "dien_wia_aanvraag_in",
            "werknemer",
            _kenmerk("WIA"),
            na=("riv_samengesteld",),
        ),
        Stap(
            "ontvangstbevestiging",
            dag("ontvangstbevestiging"),
            "registreer_ontvangstbevestiging",
            "uwv",
            _kenmerk("WIA"),
            na=("melding_42_weken", "wia_aanvraag"),
        ),
        Stap(
            "uitnodiging_wia_beoordeling",
            dag("uitnodiging_wia_beoordeling"),
            "registreer_uwv_brief",
            "casemanager",
            lambda c, op: {
                "gedateerd": str(op - timedelta(days=3)),
                "kenmerk": f"WB-{c.dossier_id}",
                "soort": "wia_beoordeling_uitnodiging",
                "samenvatting": "Uitnodiging voor het spreekuur van de verzekeringsarts",
            },
            na=("wia_aanvraag",),
        ),
        Stap(
            "uitleg_na_104_weken",
            dag("uitleg_na_104_weken"),
            "leg_gesprek_vast",
            "casemanager",
            _gesprek("situatie_na_104_weken", "Wat er na 104 weken gebeurt"),
        ),
        Stap(
            "riv_toets",
            dag("riv_toets"),
            "registreer_riv_toets",
            "uwv",
            _riv_toets,
            na=("melding_42_weken", "wia_aanvraag"),
        ),
    ]
    if v.riv_voldoende:
        lijst += [
            Stap(
                "wia_besluit",
                dag("wia_besluit"),
                "registreer_wia_besluit",
                "uwv",
                _vast(
                    {
                        "uitkomst": v.wia_uitkomst,
                        "arbeidsongeschiktheid_percentage": v.arbeidsongeschiktheid,
                    }
                ),
                na=("riv_toets",),
            ),
            Stap(
                "verzekeraar_wia",
                dag("verzekeraar_wia"),
                "informeer_verzekeraar",
                "casemanager",
                _melding_verzekeraar("wia-uitkomst"),
                na=("wia_besluit",),
            ),
            Stap(
                "uitleg_wia_uitslag",
                dag("uitleg_wia_uitslag"),
                "leg_gesprek_vast",
                "casemanager",
                _gesprek("wia_beschikking", "De uitslag van de WIA-beschikking uitgelegd"),
                na=("wia_besluit",),
            ),
        ]
    lijst += _spells(casus)
    return sorted(lijst, key=lambda s: s.dag)


def _kenmerk(soort: str) -> Velden:
    return lambda c, op: {"kenmerk": f"{soort}-{c.dossier_id}"}


def _provider_stappen(dag: Callable[[str], int]) -> list[Stap]:
    """A referral by the bedrijfsarts, the provider's intervention, its report and invoice."""

    def verwijzing(**extra: Any) -> Velden:
        return lambda c, op: {"verwijzing_id": _verwijzing(c), **extra}

    return [
        Stap(
            "verwijzing",
            dag("verwijzing"),
            "verwijs_naar_provider",
            "bedrijfsarts",
            lambda c, op: {
                "verwijzing_id": _verwijzing(c),
                "provider_id": c.betrokkenen.provider.organisatie,
                "vraagstelling": "Kortdurende behandeling gericht op werkhervatting",
            },
        ),
        Stap(
            "verwijzing_geaccepteerd",
            dag("verwijzing_geaccepteerd"),
            "accepteer_verwijzing",
            "provider",
            lambda c, op: {
                "verwijzing_id": _verwijzing(c),
                "provider_id": c.betrokkenen.provider.organisatie,
            },
            na=("verwijzing",),
        ),
        Stap(
            "interventie_gestart",
            dag("interventie_gestart"),
            "start_interventie",
            "provider",
            verwijzing(omschrijving="Zes behandelsessies"),
            na=("verwijzing_geaccepteerd",),
        ),
        Stap(
            "voortgangsrapportage",
            dag("voortgangsrapportage"),
            "dien_voortgangsrapportage_in",
            "provider",
            verwijzing(rapportage="Klachten nemen af, werkhervatting haalbaar"),
            na=("interventie_gestart",),
        ),
        Stap(
            "interventie_afgerond",
            dag("interventie_afgerond"),
            "rond_interventie_af",
            "provider",
            verwijzing(resultaat="Behandeling afgerond, klachten verminderd"),
            na=("interventie_gestart",),
        ),
        Stap(
            "factuur",
            dag("factuur"),
            "dien_factuur_in",
            "provider",
            lambda c, op: {
                "factuur_id": f"fct-{c.dossier_id}",
                "verwijzing_id": _verwijzing(c),
                "bedrag_centen": 72000,
                "omschrijving": "Interventie zes sessies",
                "medische_specificatie": "Zes sessies cognitieve gedragstherapie",
            },
            na=("interventie_gestart",),
        ),
    ]


def _in_ziekte(op: date, perioden: list[tuple[date, date | None]], herhalend: bool) -> date | None:
    """The day a step can happen: `op` if the employee is ill then, else the start of the next
    spell (routine steps are skipped instead); None if the case has ended by then."""
    for begin, herstel in perioden:
        if op < begin:
            return None if herhalend else begin
        if herstel is None or op < herstel:
            return op
    return None


def _vastleggen_om(dag: date, index: int) -> datetime:
    """When a step recorded on `dag` is recorded: in the morning, in the order of the steps."""
    return datetime.combine(dag, time(8, 0), UTC) + timedelta(minutes=index)


def plan_stappen(casus: Casus, tot: date | None = None) -> Planning:
    """The case's steps with their valid and recorded time, up to (not including) day `tot`."""
    perioden = casus.perioden()
    einde = min(casus.einde, tot) if tot else casus.einde
    gedaan: dict[str, date] = {}
    gepland: list[tuple[date, bool, int, Stap, StapPlan]] = []
    gemist = []
    for index, stap in enumerate(stappen(casus)):
        plan = casus.plan.get(stap.code, OP_TIJD)
        op_tijd = casus.eerste_ziektedag + timedelta(days=stap.dag)
        if not plan.gedaan or not all(d in gedaan for d in stap.na):
            if not plan.gedaan and _in_ziekte(op_tijd, perioden, True) and op_tijd < einde:
                gemist.append(stap.code)
            continue
        if stap.vast:
            op = op_tijd
        else:
            op = max([op_tijd + timedelta(days=plan.dagen_te_laat), *(gedaan[d] for d in stap.na)])
            op = _in_ziekte(op, perioden, stap.herhalend)
            if op is None:
                continue
        gedaan[stap.code] = op
        gepland.append((op, not stap.vast, index, stap, plan))
    gepland.sort(key=lambda g: g[:3])

    result: list[GeplandeStap] = []
    vorige: datetime | None = None
    for op, _, index, stap, plan in gepland:
        dag = op + timedelta(days=plan.registratie_vertraging)
        moment = _vastleggen_om(dag, index)
        if vorige is not None and moment <= vorige:
            moment = vorige + timedelta(minutes=1)  # recorded time never runs backwards in a case
        if tot is not None and moment.date() >= tot:
            break
        result.append(GeplandeStap(casus, stap, op, moment, plan.dagen_te_laat))
        vorige = moment
    return Planning(result, gemist)


class CommandTarget(Protocol):
    """What runs commands by name: the platform, a remote one, the API in a test, one service."""

    def execute(
        self, command: str, actor: Actor, dossier_id: str | None, fields: dict[str, Any]
    ) -> CommandResult: ...


def _uitvoeren(
    target: CommandTarget, casus: Casus, stap: Stap, geldig_op: date, velden: dict[str, Any]
) -> CommandResult:
    """Run `stap` of `casus` on valid date `geldig_op` under the current clock; `velden` replace
    the scenario's fields."""
    actor = getattr(casus.betrokkenen, stap.actor)
    velden = {**stap.velden(casus, geldig_op), **velden, "geldig_op": str(geldig_op)}
    dossier_id = None if stap.command == "verleen_taakdelegatie" else casus.dossier_id
    result = target.execute(stap.command, actor, dossier_id, velden)
    if stap.code == "ziekmelding":
        casus.dossier_id = result.dossier_id
    casus.uitgevoerd.add(stap.code)
    return result


def voer_uit(target: CommandTarget, gepland: GeplandeStap) -> CommandResult:
    """Run one planned step with the clock at its recording moment."""
    with clock.frozen_at(gepland.geregistreerd):
        return _uitvoeren(target, gepland.casus, gepland.stap, gepland.geldig_op, {})


@dataclass
class DossierBuilder:
    """One case's dossier, built through `target` a step at a time: the scenario's steps by code,
    with the scenario's fields unless the caller gives others. Tests and benchmarks that need a
    dossier in a given state build it here, so each is filled the way the walk fills it."""

    target: CommandTarget
    casus: Casus

    @property
    def dossier_id(self) -> str | None:
        return self.casus.dossier_id

    def _stap(self, code: str) -> tuple[int, Stap]:
        for index, stap in enumerate(stappen(self.casus)):
            if stap.code == code:
                return index, stap
        raise ValueError(f"stap {code} komt in deze casus niet voor")

    def _op_tijd(self, stap: Stap) -> date:
        return self.casus.eerste_ziektedag + timedelta(days=stap.dag)

    def doe(self, code: str, op: date | None = None, **velden: Any) -> CommandResult:
        """Run step `code` now, under the caller's clock: on valid date `op` (default: its
        on-time day), with `velden` in place of the scenario's fields of those names."""
        _, stap = self._stap(code)
        return _uitvoeren(self.target, self.casus, stap, op or self._op_tijd(stap), velden)

    def op_tijd(self, *codes: str) -> "DossierBuilder":
        """Run steps `codes`, each on its on-time day and recorded that morning, as the walk
        records it."""
        for code in codes:
            index, stap = self._stap(code)
            op = self._op_tijd(stap)
            with clock.frozen_at(_vastleggen_om(op, index)):
                _uitvoeren(self.target, self.casus, stap, op, {})
        return self

    def tot_en_met(self, code: str) -> "DossierBuilder":
        """Run the case's planned steps not run yet, up to and including step `code`, each at its
        recording moment."""
        gepland = plan_stappen(self.casus).stappen
        codes = [g.stap.code for g in gepland]
        if code not in codes:
            raise ValueError(f"stap {code} staat niet in de planning van deze casus")
        for stap in gepland[: codes.index(code) + 1]:
            if stap.stap.code not in self.casus.uitgevoerd:
                voer_uit(self.target, stap)
        return self


def registreer_catalogus(
    platform: Platform, providers: list[tuple[Actor, str, str]], op: datetime
) -> None:
    """Put providers (actor, naam, soort) in the catalogue once; the actor's organisation is the
    provider id."""
    catalogus = platform.providerboog
    with clock.frozen_at(op):
        for actor, naam, soort in providers:
            if catalogus.exists(catalogus.provider_key(actor.organisatie)):
                continue
            platform.execute(
                "registreer_provider",
                actor,
                None,
                {
                    "geldig_op": str(op.date()),
                    "provider_id": actor.organisatie,
                    "naam": naam,
                    "soort": soort,
                },
            )


def walk(platform: Platform, casus: Casus, tot: date | None = None) -> Planning:
    """Drive one case through the platform; returns what was planned (and done) and missed."""
    b = casus.betrokkenen
    start = datetime.combine(casus.eerste_ziektedag, time(7, 0), UTC)
    registreer_catalogus(platform, [(b.provider, b.provider_naam, b.provider_soort)], start)
    planning = plan_stappen(casus, tot)
    for gepland in planning.stappen:
        voer_uit(platform, gepland)
    return planning


def betrokkenen(
    werkgever_id: str, werknemer_id: str, arbodienst: str = "arbo-centraal"
) -> Betrokkenen:
    """A consistent set of parties: HR and casemanager of the employer, a bedrijfsarts with a
    CMTD and an arbeidsdeskundige of one arbodienst, a psychologist and UWV."""
    return Betrokkenen(
        werkgever_id=werkgever_id,
        werknemer_id=werknemer_id,
        hr=Actor(rol=Rol.WERKGEVER, persoon_id=f"{werkgever_id}.hr", organisatie=werkgever_id),
        casemanager=Actor(
            rol=Rol.CASEMANAGER, persoon_id=f"{werkgever_id}.cm", organisatie=werkgever_id
        ),
        bedrijfsarts=Actor(
            rol=Rol.BEDRIJFSARTS, persoon_id=f"{arbodienst}.ba1", organisatie=arbodienst
        ),
        cmtd=Actor(rol=Rol.CMTD, persoon_id=f"{arbodienst}.cmtd1", organisatie=arbodienst),
        arbeidsdeskundige=Actor(
            rol=Rol.ARBEIDSDESKUNDIGE, persoon_id=f"{arbodienst}.ad1", organisatie=arbodienst
        ),
        provider=Actor(rol=Rol.PROVIDER, persoon_id="psy-nl.behandelaar1", organisatie="psy-nl"),
        uwv=Actor(rol=Rol.UWV, persoon_id="uwv.verzekeringsarts1", organisatie="uwv"),
    )


def canonical_case(
    eerste_ziektedag: date = date(2024, 1, 8),
    werkgever_id: str = "wg-canon",
    werknemer_id: str = "wn-canon",
    arbodienst: str = "arbo-centraal",
) -> Casus:
    """One complete 104-week dossier with every step on time.

    It covers all five services: an early herstel recorded five days after it took effect and a
    relapse within four weeks (samentelling), consent and a medical information request, a
    referral to a psychologist ending with an invoice, partial herstel with a bijgesteld plan, a
    deskundigenoordeel, spoor 2, the 42-weken melding, the RIV and the WIA decision.
    """
    return Casus(
        betrokkenen=betrokkenen(werkgever_id, werknemer_id, arbodienst),
        eerste_ziektedag=eerste_ziektedag,
        duur_dagen=15,
        herhalingen=[(6, None)],
        verloop=Verloop(
            psychisch=True,
            medische_informatie=True,
            verwijzing=True,
            gedeeltelijk_herstel=True,
            deskundigenoordeel=True,
            spoor2=True,
        ),
        plan={"herstel_1": StapPlan(registratie_vertraging=5)},
    )
