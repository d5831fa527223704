"""A simulated population: employers, employees, sick spells and their WVP process.

Everything is drawn from one `random.Random(seed)` in a fixed order, so a seed always gives the
same population and the same facts. Spell durations follow the distribution in domain.md §7, about
one in five recoveries is followed by a relapse within four weeks (samentelling), and long cases
walk the process via `wvp.scenario` with the lateness seen in practice: some late probleemanalyses
and plannen van aanpak, a few missed 42-weken meldingen, and spoor 2 mostly started late.

All cases' steps are merged into one timeline and run in recorded-time order, so the stores'
notification order follows the simulated clock.
"""

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import NAMESPACE_URL, uuid5

from events import Actor, Rol
from poortwachter.kalender import Telling
from wvp.runtime import Platform
from wvp.scenario import (
    SAMENTELLING_DAGEN,
    WACHTTIJD_DAGEN,
    Betrokkenen,
    Casus,
    StapPlan,
    Verloop,
    delegatie_voor_caseload,
    plan_stappen,
    registreer_catalogus,
    vervaldagen,
    voer_uit,
)

# Spell durations in days with their share in % (domain.md §7, n = 2237). The last class is open;
# spells drawn beyond 104 weeks are still running when the waiting period ends.
DUURVERDELING = (
    (1, 3, 19.9),
    (4, 7, 23.7),
    (8, 14, 16.4),
    (15, 21, 5.9),
    (22, 30, 5.6),
    (31, 61, 7.0),
    (62, 92, 4.1),
    (93, 182, 7.1),
    (183, 273, 3.3),
    (274, 365, 2.4),
    (366, 900, 4.8),
)
TERUGVAL_KANS = 0.20  # relapse within four weeks of herstel
GEZOND_GEMIDDELD = 365  # mean healthy days before a new, unrelated spell

# Duration classes used in practice (domain.md §7).
KLASSEN = (("kort", 14), ("middellang", 92), ("lang", 365), ("extralang", None))

# Occupational health services with their bedrijfsartsen and CMTDs (some work without CMTD).
ARBODIENSTEN = (("arbo-noord", 3, 2, 1), ("arbo-midden", 2, 0, 1), ("arbo-zuid", 4, 2, 2))
VERZEKERAARS = ("verzekeraar-a", "verzekeraar-b", "verzekeraar-c")
PROVIDERS = (
    ("psy-nl", "Psychologenpraktijk Nederland", "psycholoog"),
    ("ggz-snel", "GGZ Sneltraject", "ggz_sneltraject"),
    ("fysio-plus", "Fysio Plus", "fysiotherapeut"),
    ("mediation-nu", "Mediation Nu", "mediator"),
    ("reintegratie-west", "Re-integratie West", "reintegratiebedrijf"),
    ("reintegratie-oost", "Re-integratie Oost", "reintegratiebedrijf"),
)
UWV = Actor(rol=Rol.UWV, persoon_id="uwv.verzekeringsarts", organisatie="uwv")
# The day (from day 0) the probleemanalyse falls due: a dossier still ill then is a long one.
PROBLEEMANALYSE_DAG = vervaldagen()["probleemanalyse"]

Voortgang = Callable[[int, int], None]


class SimulationError(RuntimeError):
    pass


def duurklasse(dagen: int) -> str:
    for naam, grens in KLASSEN:
        if grens is None or dagen <= grens:
            return naam
    raise AssertionError("unreachable")


@dataclass
class Samenvatting:
    werkgevers: int = 0
    werknemers: int = 0
    dossiers: int = 0
    ziekmeldingen: int = 0  # every spell's ziekmelding, relapses included
    samengeteld: int = 0  # relapses within four weeks, counted into the earlier dossier
    herstelmeldingen: int = 0
    lange_dossiers: int = 0  # still ill when the probleemanalyse is due (week 6)
    wia_aanvragen: int = 0
    loonsancties: int = 0
    commands: int = 0
    verzuimduur: dict[str, int] = field(default_factory=dict)  # recovered spells per class
    events: dict[str, int] = field(default_factory=dict)  # stored events per service
    te_laat: dict[str, int] = field(default_factory=dict)  # steps done after their deadline
    gemist: dict[str, int] = field(default_factory=dict)  # steps due but never done

    def rijen(self) -> list[tuple[str, str]]:
        """The summary as (label, value) rows for printing."""
        rijen = [
            (naam.replace("_", " "), str(getattr(self, naam)))
            for naam in (
                "werkgevers",
                "werknemers",
                "dossiers",
                "ziekmeldingen",
                "samengeteld",
                "herstelmeldingen",
                "lange_dossiers",
                "wia_aanvragen",
                "loonsancties",
                "commands",
            )
        ]
        for titel, waarden in (
            ("verzuimduur", self.verzuimduur),
            ("events", self.events),
            ("te laat", self.te_laat),
            ("gemist", self.gemist),
        ):
            rijen += [(f"{titel}: {k}", str(v)) for k, v in sorted(waarden.items())]
        return rijen


@dataclass(frozen=True)
class Werkgever:
    id: str
    arbodienst: str
    bedrijfsartsen: int
    cmtds: int
    ads: int
    verzekeraar: str

    def actor(self, rol: Rol, persoon: str) -> Actor:
        return Actor(rol=rol, persoon_id=f"{self.id}.{persoon}", organisatie=self.id)


def _duur(rng: random.Random) -> int | None:
    laag, hoog, _ = rng.choices(DUURVERDELING, weights=[k[2] for k in DUURVERDELING])[0]
    duur = rng.randint(laag, hoog)
    return None if duur >= WACHTTIJD_DAGEN else duur


def _spells(rng: random.Random, dagen: int) -> list[tuple[int, int | None]]:
    """Sick spells of one employee as (start day, duration or None), starting before `dagen`."""
    spells: list[tuple[int, int | None]] = []
    dag = int(rng.expovariate(1 / GEZOND_GEMIDDELD))
    while dag < dagen and len(spells) < 100:
        duur = _duur(rng)
        spells.append((dag, duur))
        if duur is None:
            break
        if rng.random() < TERUGVAL_KANS:
            dag += duur + rng.randint(1, SAMENTELLING_DAGEN - 1)
        else:
            dag += duur + SAMENTELLING_DAGEN + int(rng.expovariate(1 / GEZOND_GEMIDDELD))
    return spells


def _werkgevers(rng: random.Random, werknemers: int, prefix: str) -> list[tuple[Werkgever, int]]:
    """Employers of varying size, with the number of employees each; sizes add up exactly."""
    result = []
    over = werknemers
    while over > 0:
        grootte = rng.choices(((2, 15), (16, 80), (81, 400)), weights=(60, 30, 10))[0]
        n = min(over, rng.randint(*grootte))
        arbodienst, ba, cmtd, ad = rng.choice(ARBODIENSTEN)
        werkgever = Werkgever(
            id=f"{prefix}-wg{len(result) + 1:04d}",
            arbodienst=arbodienst,
            bedrijfsartsen=ba,
            cmtds=cmtd,
            ads=ad,
            verzekeraar=rng.choice(VERZEKERAARS),
        )
        result.append((werkgever, n))
        over -= n
    return result


def _bedrijfsarts(arbodienst: str, nummer: int) -> Actor:
    return Actor(
        rol=Rol.BEDRIJFSARTS, persoon_id=f"{arbodienst}.ba{nummer + 1}", organisatie=arbodienst
    )


def _cmtd(arbodienst: str, bedrijfsarts: int, cmtds: int) -> Actor | None:
    """The CMTD who works for a bedrijfsarts, if the arbodienst has CMTDs."""
    if not cmtds:
        return None
    persoon = f"{arbodienst}.cmtd{bedrijfsarts % cmtds + 1}"
    return Actor(rol=Rol.CMTD, persoon_id=persoon, organisatie=arbodienst)


def _betrokkenen(
    rng: random.Random, werkgever: Werkgever, werknemer_id: str, psychisch: bool
) -> Betrokkenen:
    arbo = werkgever.arbodienst
    ba = rng.randrange(werkgever.bedrijfsartsen)
    provider_id, naam, soort = PROVIDERS[rng.choice((0, 1)) if psychisch else 2]
    return Betrokkenen(
        werkgever_id=werkgever.id,
        werknemer_id=werknemer_id,
        hr=werkgever.actor(Rol.WERKGEVER, "hr"),
        casemanager=werkgever.actor(Rol.CASEMANAGER, "cm"),
        bedrijfsarts=_bedrijfsarts(arbo, ba),
        cmtd=_cmtd(arbo, ba, werkgever.cmtds),
        delegatie_per_dossier=False,
        arbeidsdeskundige=Actor(
            rol=Rol.ARBEIDSDESKUNDIGE,
            persoon_id=f"{arbo}.ad{rng.randrange(werkgever.ads) + 1}",
            organisatie=arbo,
        ),
        provider=Actor(
            rol=Rol.PROVIDER, persoon_id=f"{provider_id}.behandelaar", organisatie=provider_id
        ),
        provider_naam=naam,
        provider_soort=soort,
        uwv=UWV,
        verzekeraar_id=werkgever.verzekeraar,
        reintegratiebedrijf_id=rng.choice(PROVIDERS[4:])[0],
    )


def _verloop_en_plan(
    rng: random.Random, herstel_aantal: int
) -> tuple[Verloop, dict[str, StapPlan]]:
    """How the case goes and which steps are late or missed, with rates seen in practice."""
    plan: dict[str, StapPlan] = {}
    if rng.random() < 0.10:
        plan["probleemanalyse"] = StapPlan(dagen_te_laat=rng.randint(8, 25))
    if rng.random() < 0.15:
        plan["plan_van_aanpak"] = StapPlan(dagen_te_laat=rng.randint(8, 35))
    melding = rng.random()
    if melding < 0.05:
        plan["melding_42_weken"] = StapPlan(gedaan=False)
    elif melding < 0.15:
        plan["melding_42_weken"] = StapPlan(dagen_te_laat=rng.randint(15, 40))
    if rng.random() < 0.10:
        plan["eerstejaarsevaluatie"] = StapPlan(dagen_te_laat=rng.randint(10, 30))
    if rng.random() < 0.10:
        plan["actueel_oordeel"] = StapPlan(dagen_te_laat=rng.randint(40, 70))
    spoor2 = rng.random() < 0.35
    if spoor2:
        # §7: about 30% start before the end of the first year, most others at 12-14 months.
        moment = rng.random()
        if moment < 0.30:
            plan["spoor2"] = StapPlan(dagen_te_laat=-rng.randint(30, 150))
        elif moment < 0.80:
            plan["spoor2"] = StapPlan(dagen_te_laat=rng.randint(45, 90))
        elif moment < 0.90:
            plan["spoor2"] = StapPlan(dagen_te_laat=rng.randint(0, 40))
        else:
            plan["spoor2"] = StapPlan(gedaan=False)
    for n in range(1, herstel_aantal + 1):
        if rng.random() < 0.10:  # a herstelmelding recorded days after it took effect
            plan[f"herstel_{n}"] = StapPlan(registratie_vertraging=rng.randint(1, 7))
    tekortkoming = (
        plan.get("spoor2", StapPlan()).dagen_te_laat > 42
        or not plan.get("spoor2", StapPlan()).gedaan
        or "plan_van_aanpak" in plan
        or "melding_42_weken" in plan
    )
    uitkomst, percentage = rng.choice((("IVA", 90), ("WGA", 60), ("WGA", 45), ("geen", 20)))
    verloop = Verloop(
        psychisch=rng.random() < 0.30,
        medische_informatie=rng.random() < 0.25,
        verwijzing=rng.random() < 0.40,
        gedeeltelijk_herstel=rng.random() < 0.30,
        deskundigenoordeel=rng.random() < 0.08,
        spoor2=spoor2,
        riv_voldoende=rng.random() >= (0.5 if tekortkoming else 0.03),
        wia_uitkomst=uitkomst,
        arbeidsongeschiktheid=percentage,
    )
    return verloop, plan


def populatie(werknemers: int, dagen: int, seed: int, start: date, prefix: str):
    """The employers and every case (one Casus per dossier), drawn from `seed`."""
    rng = random.Random(seed)
    werkgevers = _werkgevers(rng, werknemers, prefix)
    cases: list[Casus] = []
    nummer = 0
    for werkgever, aantal in werkgevers:
        for _ in range(aantal):
            nummer += 1
            werknemer_id = f"{prefix}-wn{nummer:05d}"
            spells = _spells(rng, dagen)
            groepen: list[list[tuple[int, int | None]]] = []
            for spell in spells:
                vorige = groepen[-1][-1] if groepen else None
                if vorige and vorige[1] is not None and spell[0] - sum(vorige) < SAMENTELLING_DAGEN:
                    groepen[-1].append(spell)
                else:
                    groepen.append([spell])
            for groep in groepen:
                (begin, duur), *herhalingen = groep
                verloop, plan = _verloop_en_plan(rng, len(groep))
                vorige_einde = begin + (duur or 0)
                terugval = []
                for dag, d in herhalingen:
                    terugval.append((dag - vorige_einde, d))
                    vorige_einde = dag + (d or 0)
                cases.append(
                    Casus(
                        betrokkenen=_betrokkenen(rng, werkgever, werknemer_id, verloop.psychisch),
                        eerste_ziektedag=start + timedelta(days=begin),
                        duur_dagen=duur,
                        herhalingen=terugval,
                        verloop=verloop,
                        plan=plan,
                        # Proposed to the werkgever service, so the same seed gives the same ids.
                        dossier_id=str(
                            uuid5(NAMESPACE_URL, f"wvp-sim/{seed}/{werknemer_id}/{begin}")
                        ),
                    )
                )
    return [w for w, _ in werkgevers], cases


def _familie(code: str) -> str:
    return re.sub(r"_\d+$", "", code)


def simulate(
    platform: Platform,
    employees: int,
    days: int,
    seed: int,
    start: date = date(2024, 1, 1),
    progress: Voortgang | None = None,
    prefix: str | None = None,
    extra: Sequence[Casus] = (),
) -> Samenvatting:
    """Simulate `employees` employees for `days` days from `start`; only steps whose recorded day
    falls before `start + days` happen. Ids start with `prefix` (default: "s" and the seed).

    `extra` cases (hand-made ones, such as `canonical_case`) join the same timeline and count in
    the summary; they are walked completely, whatever `days` says.
    """
    if employees < 1 or days < 1:
        raise SimulationError("employees and days must be at least 1")
    prefix = prefix or f"s{seed}"
    tot = start + timedelta(days=days)
    werkgevers, cases = populatie(employees, days, seed, start, prefix)
    cases += extra
    if cases:  # ids derive from the seed, so a second run would collide with the first
        b, app = cases[0].betrokkenen, platform.werkgever
        if app.exists(app.dienstverband_key(b.werkgever_id, b.werknemer_id)):
            raise SimulationError(f"de populatie van seed {seed} staat al in deze opslag")

    samenvatting = Samenvatting(werkgevers=len(werkgevers), werknemers=employees)
    te_laat: Counter[str] = Counter()
    gemist: Counter[str] = Counter()
    duur: Counter[str] = Counter()
    tijdlijn = []
    for casus in cases:
        planning = plan_stappen(casus, None if any(casus is e for e in extra) else tot)
        tijdlijn += planning.stappen
        gemist.update(_familie(c) for c in planning.gemist)
        te_laat.update(_familie(c) for c in planning.te_laat)
        perioden = casus.perioden()
        analyse = Telling(perioden).dag(PROBLEEMANALYSE_DAG + 1)
        if analyse < tot and any(b <= analyse and (h is None or analyse < h) for b, h in perioden):
            samenvatting.lange_dossiers += 1
    tijdlijn.sort(key=lambda g: g.geregistreerd)  # stable: cases keep their own order

    voor = {log.name: log.position() for log in platform.services}
    catalogus = [
        (Actor(rol=Rol.PROVIDER, persoon_id=f"{p}.beheer", organisatie=p), n, s)
        for p, n, s in PROVIDERS
    ]
    catalogus += [
        (c.betrokkenen.provider, c.betrokkenen.provider_naam, c.betrokkenen.provider_soort)
        for c in extra
    ]
    registreer_catalogus(platform, catalogus, datetime.combine(start, time(6, 0), UTC))
    # Each bedrijfsarts with a CMTD delegates for its whole caseload, once.
    einde = tot + timedelta(days=WACHTTIJD_DAGEN)
    for arbodienst, bedrijfsartsen, cmtds, _ in ARBODIENSTEN:
        for nummer in range(bedrijfsartsen if cmtds else 0):
            bedrijfsarts = _bedrijfsarts(arbodienst, nummer)
            delegatie_id = f"{prefix}-del-{bedrijfsarts.persoon_id}"
            cmtd = _cmtd(arbodienst, nummer, cmtds)
            delegatie_voor_caseload(platform, delegatie_id, bedrijfsarts, cmtd, start, einde)
    for n, gepland in enumerate(tijdlijn, start=1):
        try:
            voer_uit(platform, gepland)
        except Exception as e:
            raise SimulationError(
                f"stap {gepland.stap.code} op {gepland.geldig_op} van werknemer "
                f"{gepland.casus.betrokkenen.werknemer_id} mislukte: {e}"
            ) from e
        code = gepland.stap.code
        if code == "ziekmelding":
            samenvatting.dossiers += 1
        if code.startswith("ziekmelding"):
            samenvatting.ziekmeldingen += 1
            if code != "ziekmelding":
                samenvatting.samengeteld += 1
        elif code.startswith("herstel_"):
            samenvatting.herstelmeldingen += 1
            begin, herstel = gepland.casus.perioden()[int(code.split("_")[1]) - 1]
            duur[duurklasse((herstel - begin).days)] += 1
        elif code == "wia_aanvraag":
            samenvatting.wia_aanvragen += 1
        elif code == "riv_toets" and not gepland.casus.verloop.riv_voldoende:
            samenvatting.loonsancties += 1
        if progress is not None:
            progress(n, len(tijdlijn))
    samenvatting.commands = len(tijdlijn)
    samenvatting.events = {log.name: log.position() - voor[log.name] for log in platform.services}
    samenvatting.verzuimduur = dict(duur)
    samenvatting.te_laat = dict(te_laat)
    samenvatting.gemist = dict(gemist)
    return samenvatting
