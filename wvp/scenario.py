"""Drive one verzuimdossier through the Wet verbetering poortwachter process.

A `Casus` describes a case: who is involved, when the employee fell ill, how long each sick spell
lasted, how the case goes (psychological complaints, a referral, spoor 2, ...) and a per-step
`StapPlan` (done or missed, days late, days between the fact and its recording). `plan_stappen`
turns it into dated commands in valid-time order; `walk` runs them through `Platform.execute` with
the clock set to each step's recording moment, so recorded time follows valid time. The simulator
merges many cases' steps into one timeline and runs them with `voer_uit`.

Step days count from the first sick day (day 0) and follow the process table in domain.md §5;
"on time" means comfortably before each legal deadline.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from events import Actor, Rol
from services.shared import clock
from services.shared.commands import CommandResult
from wvp.runtime import Platform

# Relapses less than four weeks after herstel continue the same dossier (samentelling).
SAMENTELLING_DAGEN = 28
# The process runs its full course in 104 weeks; a case still ill then ends with the WIA decision.
WACHTTIJD_DAGEN = 104 * 7


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
        """The day the walk ends: the last herstel, or the end of the 104 weeks."""
        laatste = self.perioden()[-1][1]
        return laatste or self.eerste_ziektedag + timedelta(days=WACHTTIJD_DAGEN)


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


def _consulten(eerste: int) -> list[Stap]:
    """The bedrijfsarts sees the employee at least every 13 weeks, called by the uitvoerder."""
    stappen = []
    for n, week in enumerate(range(13, 105, 13), start=1):
        dag = week * 7 - 3
        if dag <= eerste:
            continue
        stappen += [
            Stap(
                f"oproep_13w_{n}",
                dag - 5,
                "roep_werknemer_op",
                "uitvoerder",
                lambda c, op: {"datum_consult": str(op + timedelta(days=5))},
                herhalend=True,
            ),
            Stap(
                f"consult_13w_{n}",
                dag,
                "leg_consult_vast",
                "bedrijfsarts",
                _vast({"verslag": "Periodiek consult met vragen van de casemanager"}),
                herhalend=True,
            ),
        ]
    return stappen


def _voortgang() -> list[Stap]:
    return [
        Stap(
            f"voortgang_{n}",
            dag,
            "leg_voortgang_vast",
            "casemanager",
            _vast({"samenvatting": "Afspraken uit het plan van aanpak besproken"}),
            herhalend=True,
        )
        for n, dag in enumerate(range(77, WACHTTIJD_DAGEN, 28), start=1)
    ]


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
    consult = 14 if v.psychisch else 31
    pa = 24 if v.psychisch else 35  # probleemanalyse: week 4 for psychological complaints, else 5
    lijst = [
        Stap("ziekmelding", 0, "registreer_ziekmelding", "hr", _ziekmelding, vast=True),
        Stap(
            "casemanager_aangesteld",
            0,
            "stel_casemanager_aan",
            "hr",
            lambda c, op: {"persoon_id": b.casemanager.persoon_id, "naam": "Casemanager"},
        ),
        Stap(
            "bedrijfsarts_toegewezen",
            0,
            "wijs_bedrijfsarts_toe",
            "hr",
            _vast(
                {"persoon_id": b.bedrijfsarts.persoon_id, "organisatie": b.bedrijfsarts.organisatie}
            ),
        ),
        Stap(
            "verzekeraar_start",
            1,
            "informeer_verzekeraar",
            "casemanager",
            _melding_verzekeraar("start"),
        ),
    ]
    if b.cmtd is not None and b.delegatie_per_dossier:
        lijst.append(
            Stap(
                "taakdelegatie",
                2,
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
        Stap("screening", 3, "voer_screening_uit", "uitvoerder", _vast({"prioriteit": 2})),
        Stap(
            "triage_informatie",
            5,
            "leg_triage_informatie_vast",
            "uitvoerder",
            _vast(
                {"aantekening": "Telefonische triage: klachten sinds een week, onder behandeling"}
            ),
        ),
        Stap(
            "triage_oordeel",
            7,
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
            9,
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
                10,
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
                11,
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
            consult - 5,
            "roep_werknemer_op",
            "uitvoerder",
            lambda c, op: {"datum_consult": str(op + timedelta(days=5))},
        ),
        Stap(
            "consult",
            consult,
            "leg_consult_vast",
            "bedrijfsarts",
            _vast({"verslag": "Eerste spreekuur, klachten en belastbaarheid besproken"}),
        ),
        Stap("probleemanalyse", pa, "lever_probleemanalyse_op", "bedrijfsarts", _probleemanalyse),
    ]
    if v.verwijzing:
        lijst += _provider_stappen(pa + 1)
    lijst += [
        Stap(
            "gesprek_probleemanalyse",
            pa + 4,
            "leg_gesprek_vast",
            "casemanager",
            _vast({"onderwerp": "probleemanalyse", "verslag": "Advies besproken met werknemer"}),
            na=("probleemanalyse",),
        ),
        Stap(
            "plan_van_aanpak",
            pa + 14,  # two weeks after the probleemanalyse (before week 8 either way)
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
    lijst += _voortgang() + _consulten(consult)
    if v.gedeeltelijk_herstel:
        lijst += [
            Stap(
                "gedeeltelijk_herstel",
                140,
                "wijzig_verzuimpercentage",
                "hr",
                _vast({"verzuimpercentage": 50}),
            ),
            Stap(
                "plan_bijgesteld",
                150,
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
                200,
                "vraag_deskundigenoordeel_aan",
                "hr",
                _vast({"vraag": "passende_arbeid", "aanvrager": "werkgever"}),
            ),
            Stap(
                # UWV knows the case only after the 42-weken melding and answers by letter; the
                # casemanager records the letter, which is not UWV's decision itself.
                "deskundigenoordeel_brief",
                235,
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
        Stap("melding_42_weken", 280, "dien_melding_42_weken_in", "casemanager", _kenmerk("42W")),
        Stap(
            "belastbaarheid",
            315,
            "stel_belastbaarheid_vast",
            "bedrijfsarts",
            _vast({"instrument": "FML", "beperkingen": ["tillen", "bukken", "tijdsdruk"]}),
        ),
        Stap(
            "arbeidsdeskundige_toegewezen",
            318,
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
            319,
            "ontvang_opdracht",
            "arbeidsdeskundige",
            _vast(
                {"opdrachtgever": b.werkgever_id, "vraag": "Is er passend werk, eigen of ander?"}
            ),
            na=("arbeidsdeskundige_toegewezen",),
        ),
        Stap(
            "ad_adviesgesprek",
            325,
            "leg_adviesgesprek_vast",
            "arbeidsdeskundige",
            _vast({"verslag": "Mogelijkheden in eigen en ander werk verkend"}),
            na=("ad_opdracht",),
        ),
        Stap(
            "ad_rapport",
            340,
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
            "eerstejaarsevaluatie",
            357,
            "leg_eerstejaarsevaluatie_vast",
            "hr",
            _vast({"conclusie": "Eerste ziektejaar geëvalueerd", "spoor2_nodig": v.spoor2}),
        ),
    ]
    if v.spoor2:
        lijst.append(
            Stap(
                "spoor2",
                364,
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
            575,
            "geef_herstelprognose",
            "bedrijfsarts",
            _vast(
                {"herstel_binnen_26_weken": False, "toelichting": "Geen herstel binnen 26 weken"}
            ),
        ),
        Stap(
            "actueel_oordeel",
            580,
            "geef_actueel_oordeel",
            "bedrijfsarts",
            _vast(
                {"conclusie": "Blijvend beperkt in belastbaarheid", "benutbare_mogelijkheden": True}
            ),
        ),
        Stap("wia_uitnodiging", 616, "registreer_wia_uitnodiging", "casemanager", _vast({})),
        Stap(
            "eindevaluatie",
            618,
            "leg_eindevaluatie_vast",
            "hr",
            _vast({"conclusie": "Re-integratie afgerond zonder volledige werkhervatting"}),
        ),
        Stap(
            "zienswijze",
            620,
            "leg_zienswijze_vast",
            "werknemer",
            _vast({"zienswijze": "Ik kan mij vinden in het verloop van de re-integratie"}),
        ),
        Stap(
            "medisch_deel_riv",
            622,
            "overhandig_medisch_deel_riv",
            "bedrijfsarts",
            _vast({"samenvatting": "Medische samenvatting voor de verzekeringsarts"}),
        ),
        Stap(
            "riv_samengesteld",
            625,
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
            640,
            "dien_wia_aanvraag_in",
            "werknemer",
            _kenmerk("WIA"),
            na=("riv_samengesteld",),
        ),
        Stap(
            "ontvangstbevestiging",
            655,
            "registreer_ontvangstbevestiging",
            "uwv",
            _kenmerk("WIA"),
            na=("melding_42_weken", "wia_aanvraag"),
        ),
        Stap(
            "riv_toets",
            680,
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
                700,
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
                701,
                "informeer_verzekeraar",
                "casemanager",
                _melding_verzekeraar("wia-uitkomst"),
                na=("wia_besluit",),
            ),
        ]
    lijst += _spells(casus)
    return sorted(lijst, key=lambda s: s.dag)


def _kenmerk(soort: str) -> Velden:
    return lambda c, op: {"kenmerk": f"{soort}-{c.dossier_id}"}


def _provider_stappen(dag: int) -> list[Stap]:
    """A referral by the bedrijfsarts, the provider's intervention, its report and invoice."""

    def verwijzing(**extra: Any) -> Velden:
        return lambda c, op: {"verwijzing_id": _verwijzing(c), **extra}

    return [
        Stap(
            "verwijzing",
            dag,
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
            dag + 2,
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
            dag + 7,
            "start_interventie",
            "provider",
            verwijzing(omschrijving="Zes behandelsessies"),
            na=("verwijzing_geaccepteerd",),
        ),
        Stap(
            "voortgangsrapportage",
            dag + 28,
            "dien_voortgangsrapportage_in",
            "provider",
            verwijzing(rapportage="Klachten nemen af, werkhervatting haalbaar"),
            na=("interventie_gestart",),
        ),
        Stap(
            "interventie_afgerond",
            dag + 49,
            "rond_interventie_af",
            "provider",
            verwijzing(resultaat="Behandeling afgerond, klachten verminderd"),
            na=("interventie_gestart",),
        ),
        Stap(
            "factuur",
            dag + 52,
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
        moment = datetime.combine(dag, time(8, 0), UTC) + timedelta(minutes=index)
        if vorige is not None and moment <= vorige:
            moment = vorige + timedelta(minutes=1)  # recorded time never runs backwards in a case
        if tot is not None and moment.date() >= tot:
            break
        result.append(GeplandeStap(casus, stap, op, moment, plan.dagen_te_laat))
        vorige = moment
    return Planning(result, gemist)


def voer_uit(platform: Platform, gepland: GeplandeStap) -> CommandResult:
    """Run one planned step with the clock at its recording moment."""
    casus, stap = gepland.casus, gepland.stap
    actor = getattr(casus.betrokkenen, stap.actor)
    velden = {**stap.velden(casus, gepland.geldig_op), "geldig_op": str(gepland.geldig_op)}
    dossier_id = None if stap.command == "verleen_taakdelegatie" else casus.dossier_id
    with clock.frozen_at(gepland.geregistreerd):
        result = platform.execute(stap.command, actor, dossier_id, velden)
    if stap.code == "ziekmelding":
        casus.dossier_id = result.dossier_id
    casus.uitgevoerd.add(stap.code)
    return result


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
