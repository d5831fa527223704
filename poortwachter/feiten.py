"""The facts of one dossier that the poortwachter calendar needs, and how history yields them.

`DossierFeiten` is plain data: tests and other callers may build it by hand. `feiten_uit_historie`
derives it from `platform.history(dossier_id)`. Valid time (`geldig_op`) is what counts for every
date; the recorded order only decides which of two facts with the same valid date came last.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from services.shared.clock import local_date

# Sick spells less than four weeks apart belong to one period (samentelling): the werkgever
# service's rule, so the calendar and the service always agree on what one period is.
from services.werkgever.domainmodel import laatste_periode, samengeteld


class Stap(StrEnum):
    """A process step whose performance the calendar checks."""

    ZIEKMELDING = "ziekmelding"
    ZIEKMELDING_UITGEVRAAGD = "ziekmelding_uitgevraagd"  # tasks, appointments or duration asked
    DIGITALE_TRIAGE = "digitale_triage"
    VERZEKERAAR_GEINFORMEERD = "verzekeraar_geinformeerd"
    SCREENING = "screening"
    TRIAGE_OORDEEL = "triage_oordeel"
    OORDEEL_GERAPPORTEERD = "oordeel_gerapporteerd"
    TOESTEMMING = "toestemming"
    CONSULT = "consult"
    PROBLEEMANALYSE = "probleemanalyse"
    PROBLEEMANALYSE_BESPROKEN = "probleemanalyse_besproken"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    PLAN_VAN_AANPAK_BIJGESTELD = "plan_van_aanpak_bijgesteld"
    VOORTGANG = "voortgang"
    SPOOR2_GESTART = "spoor2_gestart"
    DESKUNDIGENOORDEEL_AANGEVRAAGD = "deskundigenoordeel_aangevraagd"
    MELDING_42_WEKEN = "melding_42_weken"
    BELASTBAARHEID = "belastbaarheid"
    ARBEIDSDESKUNDIG_RAPPORT = "arbeidsdeskundig_rapport"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    VERVROEGDE_IVA = "vervroegde_iva"
    ACTUEEL_OORDEEL = "actueel_oordeel"
    HERSTELPROGNOSE = "herstelprognose"
    WIA_UITNODIGING = "wia_uitnodiging"
    EINDEVALUATIE = "eindevaluatie"
    RIV_SAMENGESTELD = "riv_samengesteld"
    MEDISCH_DEEL_RIV = "medisch_deel_riv"
    WIA_AANVRAAG = "wia_aanvraag"
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging"
    UWV_IN_GEBREKE_GESTELD = "uwv_in_gebreke_gesteld"
    WIA_BESLUIT = "wia_besluit"
    WERKNEMER_OPGEROEPEN = "werknemer_opgeroepen"
    MEDISCHE_MONITORING = "medische_monitoring"
    FINANCIELE_GEVOLGEN = "financiele_gevolgen"
    FINANCIELE_GEVOLGEN_TWEEDE_JAAR = "financiele_gevolgen_tweede_jaar"
    PRE_WIA_SCAN_1 = "pre_wia_scan_1"
    PRE_WIA_SCAN_2 = "pre_wia_scan_2"
    VOORLICHTING_WIA_AANVRAAG = "voorlichting_wia_aanvraag"
    UITNODIGING_WIA_BEOORDELING = "uitnodiging_wia_beoordeling"
    VOORLICHTING_NA_104_WEKEN = "voorlichting_na_104_weken"
    UITLEG_WIA_UITSLAG = "uitleg_wia_uitslag"
    BEZWAAR_LOONSANCTIE = "bezwaar_loonsanctie"
    BEZWAAR_WIA_BESLUIT = "bezwaar_wia_besluit"
    HERSTELMELDING = "herstelmelding"


@dataclass(frozen=True, order=True)
class Uitvoering:
    """One performance of a step: its valid date, the role that recorded it and the Dutch day it
    was recorded (None when unknown, as in a hand-built `DossierFeiten`)."""

    op: date
    rol: str | None = None
    vastgelegd: date | None = None


@dataclass(frozen=True)
class DossierFeiten:
    """What the calendar needs to know about one verzuimperiode.

    `periodes` are the sick spells as (first sick day, herstel day or None while still ill), with
    samentelling already applied: one dossier, spells less than four weeks apart. The herstel day
    is the first day the employee is no longer ill. Flags hold the latest judgement (by valid
    date); None means nobody has judged yet.
    """

    periodes: tuple[tuple[date, date | None], ...]
    stappen: Mapping[Stap, tuple[Uitvoering, ...]] = field(default_factory=dict)
    # Triage by the bedrijfsarts. `medische_oorzaak` reaches the employer; the other two are
    # medical and only ever steer rows the calendar classifies as medical.
    medische_oorzaak: bool | None = None
    psychische_klachten: bool = False
    medische_informatie_nodig: bool = False
    # Functional judgements: FML/IZP, actueel oordeel, arbeidsdeskundige, eerstejaarsevaluatie.
    duurzaam_geen_mogelijkheden_op: date | None = None
    benutbare_mogelijkheden: bool | None = None
    passend_eigen_werk: bool | None = None
    spoor2_nodig: bool | None = None
    perspectief_eigen_werk_binnen_3_maanden: bool = False
    # Signals that call for a bijstelling of probleemanalyse and plan van aanpak.
    stagnatie_op: tuple[date, ...] = ()
    medische_verandering_op: tuple[date, ...] = ()
    # The end of the waiting period: UWV's verlenging adds weeks (and moves the RIV and the WIA
    # application with it); a loonsanctie, imposed on `loonsanctie_op`, moves only the end of wage
    # payment and UWV's decision, to `loonsanctie_tot` or the earlier end a bekorting names.
    loonsanctie_op: date | None = None
    loonsanctie_tot: date | None = None
    verlenging_weken: int = 0
    # A ziekmelding made by mistake and withdrawn: nothing falls due.
    ingetrokken_op: date | None = None
    # Pregnancy and maternity leaves (first, last day): spells around one count together.
    verloven: tuple[tuple[date, date], ...] = ()
    # The last day of employment while ill (ziek uit dienst): UWV takes the case over.
    uit_dienst_op: date | None = None
    # A Ziektewet vangnet regulation ("no_riskpolis", "zwangerschap", "orgaandonatie").
    vangnet: str | None = None

    def __post_init__(self) -> None:
        _controleer_periodes(self.periodes, tuple(self.verloven))
        stappen = {Stap(s): tuple(sorted(u)) for s, u in self.stappen.items() if u}
        object.__setattr__(self, "periodes", tuple(tuple(p) for p in self.periodes))
        object.__setattr__(self, "stappen", MappingProxyType(stappen))
        object.__setattr__(self, "stagnatie_op", tuple(sorted(self.stagnatie_op)))
        object.__setattr__(
            self, "medische_verandering_op", tuple(sorted(self.medische_verandering_op))
        )

    @property
    def eerste_ziektedag(self) -> date:
        return self.periodes[0][0]

    @property
    def hersteld_op(self) -> date | None:
        """The herstel day of the last spell, or None while the employee is ill."""
        return self.periodes[-1][1]

    def gedaan(self, stap: Stap) -> tuple[Uitvoering, ...]:
        return self.stappen.get(stap, ())


def _controleer_periodes(
    periodes: tuple[tuple[date, date | None], ...], verloven: tuple[tuple[date, date], ...]
) -> None:
    if not periodes:
        raise ValueError("een dossier heeft minstens één ziekteperiode")
    for i, (begin, herstel) in enumerate(periodes):
        laatste = i == len(periodes) - 1
        if herstel is None and not laatste:
            raise ValueError(f"alleen de laatste periode mag open zijn (periode vanaf {begin})")
        if herstel is not None and herstel < begin:
            raise ValueError(f"herstel {herstel} ligt voor het begin {begin}")
        if not laatste:
            volgende = periodes[i + 1][0]
            if volgende < herstel:
                raise ValueError(f"periode vanaf {volgende} begint voor het herstel {herstel}")
            if not samengeteld(herstel, volgende, verloven):
                raise ValueError(
                    f"{volgende} ligt vier weken of meer na het herstel {herstel}: "
                    "dat is een nieuw dossier, geen samentelling"
                )


# Event types whose only meaning for the calendar is "this step was done on geldig_op". The
# employer's copies of a bedrijfsarts fact count for the same step, so a history that holds only
# the werkgever service still fills the calendar.
_STAP_VAN_EVENT: dict[str, Stap] = {
    "ZiekmeldingGeregistreerd": Stap.ZIEKMELDING,
    "WerknemerOpgeroepen": Stap.WERKNEMER_OPGEROEPEN,
    "MedischeSituatieGemonitord": Stap.MEDISCHE_MONITORING,
    "VerzekeraarGeinformeerd": Stap.VERZEKERAAR_GEINFORMEERD,
    "ScreeningUitgevoerd": Stap.SCREENING,
    "TriageOordeelGegeven": Stap.TRIAGE_OORDEEL,
    "TriageUitkomstOntvangen": Stap.TRIAGE_OORDEEL,
    "OordeelGerapporteerd": Stap.OORDEEL_GERAPPORTEERD,
    "ToestemmingGegeven": Stap.TOESTEMMING,
    "ConsultGehouden": Stap.CONSULT,
    "ProbleemanalyseOpgeleverd": Stap.PROBLEEMANALYSE,
    "ProbleemanalyseOntvangen": Stap.PROBLEEMANALYSE,
    "PlanVanAanpakVastgesteld": Stap.PLAN_VAN_AANPAK,
    "PlanVanAanpakBijgesteld": Stap.PLAN_VAN_AANPAK_BIJGESTELD,
    "VoortgangVastgelegd": Stap.VOORTGANG,
    "Spoor2Gestart": Stap.SPOOR2_GESTART,
    "DeskundigenoordeelAangevraagd": Stap.DESKUNDIGENOORDEEL_AANGEVRAAGD,
    "Melding42WekenIngediend": Stap.MELDING_42_WEKEN,
    "BelastbaarheidVastgesteld": Stap.BELASTBAARHEID,
    "ArbeidsdeskundigRapportOpgeleverd": Stap.ARBEIDSDESKUNDIG_RAPPORT,
    "EerstejaarsevaluatieVastgelegd": Stap.EERSTEJAARSEVALUATIE,
    "VervroegdeIvaAangevraagd": Stap.VERVROEGDE_IVA,
    "ActueelOordeelGegeven": Stap.ACTUEEL_OORDEEL,
    "HerstelprognoseAfgegeven": Stap.HERSTELPROGNOSE,
    "WiaAanvraagformulierOntvangen": Stap.WIA_UITNODIGING,
    "EindevaluatieVastgelegd": Stap.EINDEVALUATIE,
    "RivSamengesteld": Stap.RIV_SAMENGESTELD,
    "MedischDeelRivOverhandigd": Stap.MEDISCH_DEEL_RIV,
    "WiaAanvraagIngediend": Stap.WIA_AANVRAAG,
    "OntvangstbevestigingUwv": Stap.ONTVANGSTBEVESTIGING,
    "UwvInGebrekeGesteld": Stap.UWV_IN_GEBREKE_GESTELD,
    "WiaBesluitOntvangen": Stap.WIA_BESLUIT,
    "HerstelmeldingGeregistreerd": Stap.HERSTELMELDING,
}

# Event types that are no step of their own but change the facts (see `_Verzamelaar.verwerk`).
_MET_BETEKENIS = frozenset(
    {
        "ZiekmeldingSamengeteld",
        "DossierGeopend",
        "GesprekGevoerd",
        "PreWiaScanUitgevoerd",
        "UwvBriefOntvangen",
        "RivToetsUitkomst",
        "WachttijdVerlengd",
        "LoonsanctieBekort",
        "BezwaarIngediend",
        "EersteZiektedagGecorrigeerd",
        "HerstelGecorrigeerd",
        "ZiekmeldingIngetrokken",
        "VerlofVastgelegd",
        "DienstverbandBeeindigd",
        "VangnetregelingVastgelegd",
    }
)

# Event types that change nothing in the calendar, each for a reason.
GENEGEERD = frozenset(
    {
        # Partial herstel does not stop the clock.
        "VerzuimpercentageGewijzigd",
        # Who is involved, not what was done.
        "CasemanagerAangesteld",
        "BedrijfsartsToegewezen",
        "ArbeidsdeskundigeToegewezen",
        "DienstverbandGeopend",
        "VerzuimdossierGekoppeld",
        "TaakdelegatieVerleend",
        "TaakdelegatieIngetrokken",
        "OpdrachtOntvangen",
        "ProviderGeregistreerd",
        # Work inside a step the calendar tracks by its outcome (triage, consult, RIV).
        "TriageInformatieVastgelegd",
        "MedischeInformatieOpgevraagd",
        "ToestemmingIngetrokken",
        "MedischeProbleemanalyseVastgelegd",
        "ZienswijzeWerknemerVastgelegd",
        "RivOnderdeelOntvangen",
        # Copies of the bedrijfsarts' FML/IZP or probleemanalyse, counted at the source.
        "BelastbaarheidOntvangen",
        # Interventions and advice: useful, but no row of the process table waits for them.
        "AdviesgesprekGehouden",
        "VerwezenNaarProvider",
        "VerwijzingOntvangen",
        "VerwijzingGeaccepteerd",
        "InterventieGestart",
        "VoortgangsrapportageIngediend",
        "InterventieAfgerond",
        "FactuurIngediend",
        "FactuurspecificatieVastgelegd",
        "DeskundigenoordeelUitkomst",
        # The employer's record of continued pay or of the joint request for a verlenging: only
        # UWV's decision on it (WachttijdVerlengd) moves the calendar.
        "LoondoorbetalingVerlengd",
    }
)

# Judgements of which the latest (by valid date) counts: event type -> {payload key: flag}.
_OORDELEN: dict[str, dict[str, str]] = {
    "TriageOordeelGegeven": {
        "medische_oorzaak": "medische_oorzaak",
        "psychische_klachten": "psychische_klachten",
        "medische_informatie_nodig": "medische_informatie_nodig",
    },
    "TriageUitkomstOntvangen": {"medische_oorzaak": "medische_oorzaak"},
    "ActueelOordeelGegeven": {"benutbare_mogelijkheden": "benutbare_mogelijkheden"},
    "ArbeidsdeskundigRapportOpgeleverd": {"passend_eigen_werk": "passend_eigen_werk"},
    "EerstejaarsevaluatieVastgelegd": {
        "spoor2_nodig": "spoor2_nodig",
        "perspectief_eigen_werk_binnen_3_maanden": "perspectief_eigen_werk_binnen_3_maanden",
    },
}

_SYSTEEM = "systeem"

# What a conversation is about -> the step it performs.
GESPREK_STAP = {
    "probleemanalyse": Stap.PROBLEEMANALYSE_BESPROKEN,
    "financiele_gevolgen": Stap.FINANCIELE_GEVOLGEN,
    "financiele_gevolgen_tweede_jaar": Stap.FINANCIELE_GEVOLGEN_TWEEDE_JAAR,
    "wia_aanvraag": Stap.VOORLICHTING_WIA_AANVRAAG,
    "situatie_na_104_weken": Stap.VOORLICHTING_NA_104_WEKEN,
    "wia_beschikking": Stap.UITLEG_WIA_UITSLAG,
}

# The decision a bezwaar is against -> the step it performs.
BEZWAAR_TEGEN = {"loonsanctie": Stap.BEZWAAR_LOONSANCTIE, "wia_besluit": Stap.BEZWAAR_WIA_BESLUIT}


class _Verzamelaar:
    """Collects facts while walking a history once, in recorded order."""

    def __init__(self) -> None:
        self.periodes: list[list[date | None]] = []
        self.stappen: dict[Stap, list[Uitvoering]] = {}
        self.oordelen: dict[str, tuple[date, Any]] = {}
        self.stagnatie: list[date] = []
        self.medische_verandering: list[date] = []
        self.loonsanctie: tuple[date, date | None] | None = None
        self.verlenging_weken = 0
        self.ingetrokken_op: date | None = None
        self.verloven: list[tuple[date, date]] = []
        self.uit_dienst_op: date | None = None
        self.vangnet: str | None = None

    def gedaan(self, stap: Stap, op: date, rol: str | None, vastgelegd: date | None) -> None:
        """Record a step; a system copy on the same day as the original adds nothing."""
        eerdere = self.stappen.setdefault(stap, [])
        zelfde_dag = [u for u in eerdere if u.op == op]
        if zelfde_dag and rol == _SYSTEEM:
            return
        if zelfde_dag and all(u.rol == _SYSTEEM for u in zelfde_dag):
            eerdere[:] = [u for u in eerdere if u.op != op]
        eerdere.append(Uitvoering(op, rol, vastgelegd))

    def oordeel(self, flag: str, op: date, waarde: Any) -> None:
        huidig = self.oordelen.get(flag)
        if huidig is None or op >= huidig[0]:
            self.oordelen[flag] = (op, waarde)

    def verwerk(
        self,
        dienst: str,
        soort: str,
        op: date,
        rol: str | None,
        data: dict,
        vastgelegd: date | None = None,
    ) -> None:
        stap = _STAP_VAN_EVENT.get(soort)
        if stap is not None:
            self.gedaan(stap, op, rol, vastgelegd)
        for sleutel, flag in _OORDELEN.get(soort, {}).items():
            if sleutel in data:
                self.oordeel(flag, op, data[sleutel])

        if soort == "ZiekmeldingGeregistreerd":
            self.periodes = [[op, None]]
            if any(data.get(k) for k in ("lopende_taken", "afspraken", "verwachte_duur_dagen")):
                self.gedaan(Stap.ZIEKMELDING_UITGEVRAAGD, op, rol, vastgelegd)
        elif soort == "ZiekmeldingSamengeteld":
            self.periodes.append([op, None])
        elif soort == "HerstelmeldingGeregistreerd" and self.periodes:
            self.periodes[-1][1] = op
        elif soort == "EersteZiektedagGecorrigeerd" and self.periodes:
            self.periodes[0][0] = op
        elif soort == "HerstelGecorrigeerd" and self.periodes:
            vorige = data.get("vorige_hersteldatum")
            for spell in reversed(self.periodes):
                if spell[1] is not None and (vorige is None or spell[1].isoformat() == vorige):
                    spell[1] = op
                    break
            self.periodes = laatste_periode(self.periodes, tuple(self.verloven))
        elif soort == "ZiekmeldingIngetrokken":
            self.ingetrokken_op = op
        elif soort == "VangnetregelingVastgelegd":
            self.vangnet = data["regeling"]
        elif soort == "DienstverbandBeeindigd":
            self.uit_dienst_op = op
        elif soort == "VerlofVastgelegd":
            self.verloven.append((op, date.fromisoformat(data["tot"])))
        elif soort == "DossierGeopend" and dienst == "bedrijfsarts":
            self.gedaan(Stap.DIGITALE_TRIAGE, op, rol, vastgelegd)
        elif soort == "GesprekGevoerd" and data.get("onderwerp") in GESPREK_STAP:
            self.gedaan(GESPREK_STAP[data["onderwerp"]], op, rol, vastgelegd)
        elif soort == "PlanVanAanpakVastgesteld" and data.get("financiele_gevolgen_uitgelegd"):
            self.gedaan(Stap.FINANCIELE_GEVOLGEN, op, rol, vastgelegd)
        elif soort == "PreWiaScanUitgevoerd":
            ronde = Stap.PRE_WIA_SCAN_1 if data["ronde"] == 1 else Stap.PRE_WIA_SCAN_2
            self.gedaan(ronde, op, rol, vastgelegd)
        elif soort == "UwvBriefOntvangen" and data.get("soort") == "wia_beoordeling_uitnodiging":
            # A party's report of a UWV letter is evidence of what it was told, never UWV's
            # decision; the invitation to the assessment is exactly what this check asks.
            self.gedaan(Stap.UITNODIGING_WIA_BEOORDELING, op, rol, vastgelegd)
        elif soort == "MedischeSituatieGemonitord" and data.get("verandering"):
            self.medische_verandering.append(op)
        elif soort == "VoortgangVastgelegd" and data.get("stagnatie"):
            self.stagnatie.append(op)
        elif soort == "ConsultGehouden" and data.get("medische_verandering"):
            self.medische_verandering.append(op)
        elif soort == "BelastbaarheidVastgesteld":
            self.oordeel("duurzaam", op, op if data.get("duurzaam_geen_mogelijkheden") else None)
        elif soort == "RivToetsUitkomst":
            if self.loonsanctie is None or op >= self.loonsanctie[0]:
                tot = data.get("loonsanctie_tot")
                self.loonsanctie = (op, date.fromisoformat(tot) if isinstance(tot, str) else tot)
        elif soort == "WachttijdVerlengd":
            self.verlenging_weken += int(data["weken"])
        elif soort == "LoonsanctieBekort" and self.loonsanctie is not None:
            tot = date.fromisoformat(data["eindigt_op"])
            self.loonsanctie = (self.loonsanctie[0], min(tot, self.loonsanctie[1] or tot))
        elif soort == "BezwaarIngediend":
            stap = BEZWAAR_TEGEN[data["tegen"]]
            self.gedaan(stap, op, rol, vastgelegd)

    def feiten(self) -> DossierFeiten:
        if not self.periodes:
            raise ValueError("de historie bevat geen ziekmelding")

        def laatste(flag: str, standaard: Any = None) -> Any:
            return self.oordelen.get(flag, (None, standaard))[1]

        sanctie = self.loonsanctie

        return DossierFeiten(
            periodes=tuple((begin, herstel) for begin, herstel in self.periodes),
            stappen={stap: tuple(u) for stap, u in self.stappen.items()},
            medische_oorzaak=laatste("medische_oorzaak"),
            psychische_klachten=laatste("psychische_klachten", False),
            medische_informatie_nodig=laatste("medische_informatie_nodig", False),
            duurzaam_geen_mogelijkheden_op=laatste("duurzaam"),
            benutbare_mogelijkheden=laatste("benutbare_mogelijkheden"),
            passend_eigen_werk=laatste("passend_eigen_werk"),
            spoor2_nodig=laatste("spoor2_nodig"),
            perspectief_eigen_werk_binnen_3_maanden=laatste(
                "perspectief_eigen_werk_binnen_3_maanden", False
            ),
            stagnatie_op=tuple(self.stagnatie),
            medische_verandering_op=tuple(self.medische_verandering),
            loonsanctie_op=sanctie[0] if sanctie and sanctie[1] else None,
            loonsanctie_tot=sanctie[1] if sanctie else None,
            verlenging_weken=self.verlenging_weken,
            ingetrokken_op=self.ingetrokken_op,
            verloven=tuple(self.verloven),
            uit_dienst_op=self.uit_dienst_op,
            vangnet=self.vangnet,
        )


def feiten_uit_historie(history: Iterable[tuple[str, Any]]) -> DossierFeiten:
    """Derive the calendar's facts from `[(service_name, event)]` as `platform.history` gives it.

    Events are read in the order given (recorded order). A ZiekmeldingSamengeteld starts a new
    spell in the same period; a HerstelmeldingGeregistreerd ends the current spell on its
    (possibly backdated) valid date. Event types outside `bekende_event_types()` change nothing;
    the tests check that every contract in `events` has been given a place there.
    """
    verzamelaar = _Verzamelaar()
    for dienst, event in history:
        soort = type(event).__name__
        rol = (event.actor or {}).get("rol")
        vastgelegd = local_date(event.timestamp)
        verzamelaar.verwerk(dienst, soort, event.geldig_op, rol, event.data or {}, vastgelegd)
    return verzamelaar.feiten()


def bekende_event_types() -> frozenset[str]:
    """Every event type `feiten_uit_historie` knows what to do with."""
    return frozenset(_STAP_VAN_EVENT) | _MET_BETEKENIS | GENEGEERD


def stap_van_event(event_type: str) -> Stap | None:
    """The step a fact of `event_type` counts as done, if any (evidence: who did a step)."""
    return _STAP_VAN_EVENT.get(event_type)
