"""GraphQL output types: a dossier as one party may read it.

Every type wraps a `DossierView`; fields read only the view's visible facts. A field whose
content is of a kind the caller may not see at all resolves to null with a FORBIDDEN error.
The two lists outside any dossier, `Taakdelegatie` and `Provider`, hold only the entries the
policy let through (`Gateway.overzicht`).
"""

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from events import Classificatie
from events.bedrijfsarts import Taak
from events.providerboog import ProviderSoort
from gateway.errors import forbidden
from poortwachter import signalen as kies_signalen
from readmodel import state
from readmodel.timeline import Entry
from readmodel.timeline import deelnemers as deelnemers_of
from readmodel.view import DossierView

strawberry.enum(Classificatie, description="Data classification of a fact.")


@strawberry.enum
class DossierStatus(Enum):
    OPEN = "open"
    HERSTELD = "hersteld"
    INGETROKKEN = "ingetrokken"  # the ziekmelding was made by mistake


@strawberry.type
class Actor:
    rol: str
    persoon_id: str
    organisatie: str


@strawberry.type(description="One recorded fact of a dossier.")
class TimelineEntry:
    id: strawberry.ID
    type: str
    service: str
    classificatie: Classificatie
    geldig_op: date = strawberry.field(description="Valid time: when it happened or applies.")
    recorded_at: datetime = strawberry.field(description="Transaction time: when it was stored.")
    actor: Actor
    payload: JSON
    hash: str

    @classmethod
    def of(cls, entry: Entry) -> "TimelineEntry":
        return cls(
            id=strawberry.ID(entry.id),
            type=entry.type,
            service=entry.service,
            classificatie=Classificatie(entry.classificatie),
            geldig_op=entry.geldig_op,
            recorded_at=entry.recorded_at,
            actor=Actor(**entry.actor),
            payload=entry.data,
            hash=entry.hash,
        )


@strawberry.type
class Deelnemer:
    rol: str
    persoon_id: str | None
    organisatie: str | None
    sinds: date


@strawberry.type
class Afspraak:
    wat: str
    wie: str
    uiterlijk: date


def _afspraken(data: dict[str, Any]) -> list[Afspraak]:
    return [
        Afspraak(wat=a["wat"], wie=a["wie"], uiterlijk=date.fromisoformat(a["uiterlijk"]))
        for a in data["afspraken"]
    ]


@strawberry.type(description="The functional part of a probleemanalyse: no diagnosis.")
class Probleemanalyse:
    geldig_op: date
    mogelijkheden: str
    beperkingen: str
    advies: str


@strawberry.type(description="The medical part of a probleemanalyse (bedrijfsarts domain).")
class MedischeProbleemanalyse:
    geldig_op: date
    diagnose: str
    behandeling: str | None


@strawberry.type
class Bijstelling:
    geldig_op: date
    reden: str
    afspraken: list[Afspraak]


@strawberry.type
class PlanVanAanpak:
    geldig_op: date
    doel: str
    afspraken: list[Afspraak]
    financiele_gevolgen_uitgelegd: bool
    bijstellingen: list[Bijstelling]


@strawberry.type
class Evaluatie:
    soort: str
    geldig_op: date
    conclusie: str


@strawberry.type(description="Which parts of the re-integratieverslag exist and which are missing.")
class RivStatus:
    aanwezig: list[str]
    ontbrekend: list[str]
    samengesteld: bool


def _source(view: DossierView, what: str, *sources: tuple[str, str]) -> list[Entry]:
    """The visible facts of the first visible (service, type) source; FORBIDDEN if none is."""
    for service, fact_type in sources:
        if view.decision.sees(service, fact_type):
            return [e for e in view.visible if e.service == service and e.type == fact_type]
    raise forbidden(what)


_EVALUATIES = {
    "VoortgangVastgelegd": ("voortgang", "samenvatting"),
    "EerstejaarsevaluatieVastgelegd": ("eerstejaarsevaluatie", "conclusie"),
    "EindevaluatieVastgelegd": ("eindevaluatie", "conclusie"),
}


@strawberry.type(description="The dossier's documents, each as far as the caller may read it.")
class Documenten:
    view: strawberry.Private[DossierView]

    @strawberry.field
    def probleemanalyses(self) -> list[Probleemanalyse] | None:
        found = _source(
            self.view,
            "de probleemanalyse",
            ("werkgever", "ProbleemanalyseOntvangen"),
            ("bedrijfsarts", "ProbleemanalyseOpgeleverd"),
        )
        return [Probleemanalyse(geldig_op=e.geldig_op, **e.data) for e in found]

    @strawberry.field
    def medische_probleemanalyses(self) -> list[MedischeProbleemanalyse] | None:
        found = _source(
            self.view,
            "het medisch deel van de probleemanalyse",
            ("bedrijfsarts", "MedischeProbleemanalyseVastgelegd"),
        )
        return [
            MedischeProbleemanalyse(
                geldig_op=e.geldig_op,
                diagnose=e.data["diagnose"],
                behandeling=e.data.get("behandeling"),
            )
            for e in found
        ]

    @strawberry.field(description="The plan van aanpak as last agreed, with its revisions.")
    def plan_van_aanpak(self) -> PlanVanAanpak | None:
        vastgesteld = _source(
            self.view, "het plan van aanpak", ("werkgever", "PlanVanAanpakVastgesteld")
        )
        if not vastgesteld:
            return None
        plan = vastgesteld[-1]
        bijgesteld = _source(
            self.view, "bijstellingen van het plan", ("werkgever", "PlanVanAanpakBijgesteld")
        )
        return PlanVanAanpak(
            geldig_op=plan.geldig_op,
            doel=plan.data["doel"],
            afspraken=_afspraken(plan.data),
            financiele_gevolgen_uitgelegd=plan.data["financiele_gevolgen_uitgelegd"],
            bijstellingen=[
                Bijstelling(
                    geldig_op=e.geldig_op, reden=e.data["reden"], afspraken=_afspraken(e.data)
                )
                for e in bijgesteld
            ],
        )

    @strawberry.field
    def evaluaties(self) -> list[Evaluatie] | None:
        found = []
        for fact_type, (soort, veld) in _EVALUATIES.items():
            for e in _source(self.view, "evaluaties", ("werkgever", fact_type)):
                found.append(Evaluatie(soort=soort, geldig_op=e.geldig_op, conclusie=e.data[veld]))
        return sorted(found, key=lambda e: e.geldig_op)

    @strawberry.field(description="Derived from the facts in view, so it follows asOf/knownAt.")
    def riv(self) -> RivStatus | None:
        ontvangen = _source(self.view, "de RIV-status", ("uwv_submission", "RivOnderdeelOntvangen"))
        samengesteld = _source(self.view, "de RIV-status", ("uwv_submission", "RivSamengesteld"))
        riv = state.riv_status(ontvangen + samengesteld)
        return RivStatus(
            aanwezig=riv.aanwezig, ontbrekend=riv.ontbrekend, samengesteld=riv.samengesteld
        )


@strawberry.enum
class VerplichtingStatus(Enum):
    OPEN = "open"
    OP_TIJD = "op_tijd"
    TE_LAAT = "te_laat"
    VERLOPEN = "verlopen"
    NIET_VAN_TOEPASSING = "niet_van_toepassing"


@strawberry.type(description="One row of the poortwachter calendar.")
class Verplichting:
    code: str
    omschrijving: str
    wettelijk: bool
    uiterlijk: date | None
    status: VerplichtingStatus
    gedaan_op: date | None = strawberry.field(
        description="The valid date of the performance that counts (a claim of who recorded it)."
    )
    uitvoerder: str
    beoordelaar: str | None
    classificatie: Classificatie
    vastgelegd_op: date | None = strawberry.field(
        description="The Dutch day that performance was recorded (the fact)."
    )
    te_laat_vastgelegd: bool = strawberry.field(
        description="Done on time by its valid date, but recorded after the due date: "
        "uitgevoerd op tijd, te laat vastgelegd."
    )
    reden: str | None = strawberry.field(
        default=None,
        description="Why the obligation does not apply (status niet_van_toepassing).",
    )

    @strawberry.field(description="Done late, or not done and past its due date.")
    def achterstallig(self) -> bool:
        return self.status in (VerplichtingStatus.TE_LAAT, VerplichtingStatus.VERLOPEN)

    @classmethod
    def of(cls, row: Any) -> "Verplichting":
        return cls(
            code=row.code,
            omschrijving=row.omschrijving,
            wettelijk=row.wettelijk,
            uiterlijk=row.uiterlijk,
            status=VerplichtingStatus(row.status.value),
            gedaan_op=row.gedaan_op,
            uitvoerder=row.uitvoerder.value,
            beoordelaar=row.beoordelaar.value if row.beoordelaar else None,
            classificatie=Classificatie(row.classificatie.value),
            vastgelegd_op=row.vastgelegd_op,
            te_laat_vastgelegd=row.te_laat_vastgelegd,
            reden=row.reden,
        )


@strawberry.type(description="One decision on access to the dossier, from the decision log.")
class Toegang:
    tijdstip: datetime
    rol: str
    persoon_id: str
    organisatie: str
    actie: str
    toegestaan: bool
    classificaties: list[str]
    beleidsversie: str


@strawberry.type(description="A dossier (one verzuimperiode) as the caller may read it.")
class Dossier:
    view: strawberry.Private[DossierView]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.view.dossier_id)

    @strawberry.field(description="The valid-time cut, if any.")
    def as_of(self) -> date | None:
        return self.view.as_of

    @strawberry.field(description="The recorded-time cut, if any.")
    def known_at(self) -> datetime | None:
        return self.view.known_at

    @strawberry.field(description="The classifications the caller may see in this dossier.")
    def classificaties(self) -> list[Classificatie]:
        return sorted(Classificatie(c) for c in self.view.decision.classificaties)

    def _opening(self) -> Entry:
        for e in self.view.visible:
            if e.type in ("ZiekmeldingGeregistreerd", "DossierGeopend"):
                return e
        raise forbidden("de ziekmelding")

    @strawberry.field
    def werknemer_id(self) -> str | None:
        return self._opening().data["werknemer_id"]

    @strawberry.field
    def werkgever_id(self) -> str | None:
        return self._opening().data["werkgever_id"]

    @strawberry.field(description="The first sick day, as last corrected.")
    def eerste_ziektedag(self) -> date | None:
        return state.eerste_ziektedag(self.view.visible) or self._opening().geldig_op

    def _verloop(self) -> list[Entry]:
        _source(self.view, "het verzuimverloop", ("werkgever", "HerstelmeldingGeregistreerd"))
        return self.view.visible

    @strawberry.field(
        description="Herstel date of the last spell, as last corrected; null while still ill."
    )
    def hersteld_op(self) -> date | None:
        return state.hersteld_op(self._verloop())

    @strawberry.field
    def status(self) -> DossierStatus | None:
        if state.ingetrokken(self._verloop()):
            return DossierStatus.INGETROKKEN
        return DossierStatus.HERSTELD if self.hersteld_op() else DossierStatus.OPEN

    @strawberry.field(description="Visible facts in recorded order; hidden facts are absent.")
    def timeline(
        self,
        classificatie: Classificatie | None = None,
        type: str | None = None,
    ) -> list[TimelineEntry]:
        return [
            TimelineEntry.of(e)
            for e in self.view.visible
            if (classificatie is None or e.classificatie == classificatie.value)
            and (type is None or e.type == type)
        ]

    @strawberry.field
    def documenten(self) -> Documenten:
        return Documenten(view=self.view)

    @strawberry.field(description="Everyone named or acting in the visible facts.")
    def deelnemers(self) -> list[Deelnemer]:
        return [
            Deelnemer(rol=d.rol, persoon_id=d.persoon_id, organisatie=d.organisatie, sinds=d.sinds)
            for d in deelnemers_of(self.view.visible)
        ]

    @strawberry.field(description="Every obligation of the process table on `peildatum`.")
    def kalender(self, peildatum: date | None = None) -> list[Verplichting]:
        return [Verplichting.of(v) for v in self.view.kalender(self.view.peildatum(peildatum))]

    @strawberry.field(description="Overdue obligations and open ones due within `vooruitDagen`.")
    def signalen(
        self, peildatum: date | None = None, vooruit_dagen: int = 14
    ) -> list[Verplichting]:
        op = self.view.peildatum(peildatum)
        gekozen = kies_signalen(self.view.kalender(op), op, vooruit_dagen)
        return [Verplichting.of(v) for v in gekozen]

    @strawberry.field(
        description="Who was granted or refused access, as far as the policy allows (a "
        "compliance team: only its own organisation's principals)."
    )
    async def toegangslog(
        self, info: strawberry.Info, alleen_toegestaan: bool = True
    ) -> list[Toegang] | None:
        if not self.view.decision.toegangslog:
            raise forbidden("het toegangslog")
        gateway = info.context.gateway
        logged = await gateway.run(gateway.toegangslog, self.view.dossier_id)
        leesbaar = self.view.decision.toegangslog_voor(info.context.caller(), logged)
        return [
            Toegang(
                tijdstip=t.tijdstip,
                rol=t.principal["rol"],
                persoon_id=t.principal["persoon_id"],
                organisatie=t.principal["organisatie"],
                actie=t.actie,
                toegestaan=t.toegestaan,
                classificaties=list(t.classificaties),
                beleidsversie=t.beleidsversie,
            )
            for t in leesbaar
            if t.toegestaan or not alleen_toegestaan
        ]


@strawberry.type(description="Tasks a bedrijfsarts delegated to a casemanager in taakdelegatie.")
class Taakdelegatie:
    delegatie_id: strawberry.ID
    bedrijfsarts_id: str
    gedelegeerde_id: str
    taken: list[Taak]
    dossiers: list[strawberry.ID] | None = strawberry.field(
        description="null: the bedrijfsarts' whole caseload."
    )
    van: date
    tot: date
    ingetrokken_op: date | None

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Taakdelegatie":
        return cls(
            delegatie_id=strawberry.ID(d["delegatie_id"]),
            bedrijfsarts_id=d["bedrijfsarts_id"],
            gedelegeerde_id=d["gedelegeerde_id"],
            taken=[Taak(t) for t in d["taken"]],
            dossiers=None if d["dossiers"] is None else [strawberry.ID(i) for i in d["dossiers"]],
            van=date.fromisoformat(d["van"]),
            tot=date.fromisoformat(str(d["tot"])),
            ingetrokken_op=d["ingetrokken_op"] and date.fromisoformat(d["ingetrokken_op"]),
        )


@strawberry.type(description="An entry of the provider catalogue: who can be referred to.")
class Provider:
    provider_id: strawberry.ID
    naam: str
    soort: ProviderSoort
    sinds: date

    @classmethod
    def of(cls, p: dict[str, Any]) -> "Provider":
        return cls(
            provider_id=strawberry.ID(p["provider_id"]),
            naam=p["naam"],
            soort=ProviderSoort(p["soort"]),
            sinds=p["sinds"],
        )
