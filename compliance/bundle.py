"""The evidence bundle for a UWV dispute: what was done, when, by whom and on whose advice.

One bundle is one party's replay of the dossier with full knowledge (no time cut), so it holds
exactly what that party may read: an employer's compliance team never gets medical content. It
sets the timeline against the poortwachter calendar, lists the documents, the spoor 2 and
deskundigenoordeel history, the access log (as far as the policy lets the party read it: all of
it, or for a compliance team only its own organisation's entries) and the hash-chain
verification with the chain heads, which a later `wvp verify --anchor` checks.

`bundle` builds the data (the JSON format); HTML and PDF render the same data as tables.
"""

import html
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from compliance.replay import Replay, entry_dict, replay, replay_dict, verplichting_dict
from compliance.verify import verify
from events import Actor
from policies.engine import ALLES, EIGEN_ORGANISATIE
from policies.platform import DossierPlatform
from poortwachter import RIJEN, Stap
from poortwachter.feiten import stap_van_event
from readmodel.state import riv_status
from readmodel.timeline import Entry
from services.shared import clock

FORMATS = ("json", "html", "pdf")

_STAP_VAN_RIJ = {r.code: r.stap for r in RIJEN}

# The judgements a step rests on ("on which advice"): the latest visible one on or before the day
# the step was done is named next to it.
ADVIES: dict[Stap, tuple[str, ...]] = {
    Stap.PROBLEEMANALYSE_BESPROKEN: ("ProbleemanalyseOntvangen", "ProbleemanalyseOpgeleverd"),
    Stap.PLAN_VAN_AANPAK: (
        "ProbleemanalyseOntvangen",
        "ProbleemanalyseOpgeleverd",
        "TriageUitkomstOntvangen",
    ),
    Stap.PLAN_VAN_AANPAK_BIJGESTELD: (
        "ProbleemanalyseOntvangen",
        "ProbleemanalyseOpgeleverd",
        "BelastbaarheidVastgesteld",
        "VoortgangVastgelegd",
    ),
    Stap.OORDEEL_GERAPPORTEERD: ("TriageOordeelGegeven",),
    Stap.ARBEIDSDESKUNDIG_RAPPORT: ("BelastbaarheidVastgesteld", "BelastbaarheidOntvangen"),
    Stap.EERSTEJAARSEVALUATIE: ("ArbeidsdeskundigRapportOpgeleverd", "BelastbaarheidVastgesteld"),
    Stap.SPOOR2_GESTART: ("ArbeidsdeskundigRapportOpgeleverd", "EerstejaarsevaluatieVastgelegd"),
    Stap.DESKUNDIGENOORDEEL_AANGEVRAAGD: (
        "ArbeidsdeskundigRapportOpgeleverd",
        "ActueelOordeelGegeven",
    ),
    Stap.VERVROEGDE_IVA: ("BelastbaarheidVastgesteld", "ActueelOordeelGegeven"),
    Stap.EINDEVALUATIE: ("ActueelOordeelGegeven", "HerstelprognoseAfgegeven"),
    Stap.RIV_SAMENGESTELD: ("EindevaluatieVastgelegd", "ActueelOordeelGegeven"),
}

# Documents: each a list of alternative sources (the employer's copy of a bedrijfsarts fact,
# then the original); the first visible source is used, so a document is never listed twice.
DOCUMENTEN: dict[str, tuple[str, ...]] = {
    "probleemanalyse (functioneel deel)": ("ProbleemanalyseOntvangen", "ProbleemanalyseOpgeleverd"),
    "probleemanalyse (medisch deel)": ("MedischeProbleemanalyseVastgelegd",),
    "plan van aanpak": ("PlanVanAanpakVastgesteld",),
    "bijstelling plan van aanpak": ("PlanVanAanpakBijgesteld",),
    "voortgang": ("VoortgangVastgelegd",),
    "FML/IZP": ("BelastbaarheidVastgesteld",),
    "arbeidsdeskundig rapport": ("ArbeidsdeskundigRapportOpgeleverd",),
    "eerstejaarsevaluatie": ("EerstejaarsevaluatieVastgelegd",),
    "actueel oordeel": ("ActueelOordeelGegeven",),
    "eindevaluatie": ("EindevaluatieVastgelegd",),
    "zienswijze werknemer": ("ZienswijzeWerknemerVastgelegd",),
    "medisch deel RIV": ("MedischDeelRivOverhandigd",),
}
SPOOR2 = ("ArbeidsdeskundigRapportOpgeleverd", "EerstejaarsevaluatieVastgelegd", "Spoor2Gestart")
DESKUNDIGENOORDEEL = ("DeskundigenoordeelAangevraagd", "DeskundigenoordeelUitkomst")


def _wie(entry: Entry) -> str:
    a = entry.actor
    return f"{a['rol']} {a['persoon_id']} ({a['organisatie']})"


def _kort(entry: Entry) -> dict[str, Any]:
    return {
        "type": entry.type,
        "geldig_op": entry.geldig_op.isoformat(),
        "geregistreerd": entry.recorded_at.isoformat(),
        "door": _wie(entry),
        "data": entry.data,
    }


def _verantwoording(r: Replay) -> list[dict[str, Any]]:
    """Each calendar row with who did the step and the advice it rested on."""
    visible = r.visible
    rows = []
    for v in r.kalender:
        stap = _STAP_VAN_RIJ[v.code]
        door, advies = [], []
        if v.gedaan_op is not None:
            uitvoeringen = [
                e for e in visible if e.geldig_op == v.gedaan_op and stap_van_event(e.type) is stap
            ]
            # A system copy of the step (the employer's copy of a probleemanalyse) names nobody
            # new; it only counts when the original is not visible.
            mensen = [e for e in uitvoeringen if e.actor["rol"] != "systeem"] or uitvoeringen
            door = sorted({_wie(e) for e in mensen})
            grond = [
                e for e in visible if e.type in ADVIES.get(stap, ()) and e.geldig_op <= v.gedaan_op
            ]
            if grond:
                # The latest judgement, named after its author rather than a system copy of it.
                e = max(grond, key=lambda e: (e.actor["rol"] != "systeem", e.geldig_op))
                advies = [f"{e.type} van {e.geldig_op} door {_wie(e)}"]
        rows.append({**verplichting_dict(v), "gedaan_door": door, "advies": advies})
    return rows


def _documenten(visible: list[Entry]) -> dict[str, list[dict[str, Any]]]:
    found = {}
    for naam, bronnen in DOCUMENTEN.items():
        for bron in bronnen:
            entries = [_kort(e) for e in visible if e.type == bron]
            if entries:
                found[naam] = entries
                break
    return found


def _riv(visible: list[Entry]) -> dict[str, Any] | None:
    if not any(e.type == "DossierGeopend" and e.service == "uwv_submission" for e in visible):
        return None  # the uwv_submission part is not visible to this party
    return asdict(riv_status(visible))


def bundle(
    platform: DossierPlatform, dossier_id: str, actor: Actor, peildatum: date | None = None
) -> dict[str, Any]:
    """The evidence bundle as data, for `actor`, judged on `peildatum` (default: today)."""
    r = replay(platform, dossier_id, actor, peildatum=peildatum or clock.today())
    visible = r.visible
    decision = r.view.decision
    ketting = verify(platform, dossier_id).to_dict()
    for breach in ketting["breaches"]:  # a hidden fact's type would reveal that it exists
        if not any(e.type == breach["event_type"] for e in visible):
            breach["event_type"] = "(niet zichtbaar)"
    toegang = None
    leesbaar = decision.toegangslog_voor(actor, platform.access_log(dossier_id))
    if leesbaar is not None:
        toegang = [
            {
                "tijdstip": t.tijdstip.isoformat(),
                "wie": f"{t.principal['rol']} {t.principal['persoon_id']} "
                f"({t.principal['organisatie']})",
                "actie": t.actie,
                "toegestaan": t.toegestaan,
                "classificaties": list(t.classificaties),
            }
            for t in leesbaar
        ]
    basis = replay_dict(r)
    return {
        "dossier_id": dossier_id,
        "gemaakt_op": clock.now().isoformat(),
        "voor": {"rol": actor.rol.value, "persoon_id": actor.persoon_id, "org": actor.organisatie},
        "beleidsversie": decision.policy.policy_version,
        "classificaties": basis["classificaties"],
        "peildatum": basis["peildatum"],
        "stand": basis["stand"],
        "kalender": _verantwoording(r),
        "tijdlijn": [entry_dict(e) for e in visible],
        "documenten": _documenten(visible),
        "riv": _riv(visible),
        "spoor2": [_kort(e) for e in visible if e.type in SPOOR2],
        "deskundigenoordelen": [_kort(e) for e in visible if e.type in DESKUNDIGENOORDEEL],
        "toegangslog": toegang,
        "toegangslog_omvang": decision.toegangslog,
        "ketting": ketting,
    }


# Rendering: the same sections for HTML and PDF.


@dataclass
class Sectie:
    titel: str
    kolommen: tuple[str, ...] = ()
    rijen: list[tuple[str, ...]] = field(default_factory=list)
    regels: list[str] = field(default_factory=list)
    breedtes: tuple[int, ...] = ()  # relative column widths (PDF)


def _inhoud(data: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in data.items() if v not in (None, False, [], ""))


_TOEGANGSLOG_OMVANG = {
    None: "Niet zichtbaar voor deze rol (alleen werknemer en bedrijfsarts lezen het hele log).",
    EIGEN_ORGANISATIE: "Alleen wie namens de eigen organisatie keek; andere partijen niet.",
}


def secties(b: dict[str, Any]) -> list[Sectie]:
    s = b["stand"]
    kop = Sectie(
        f"Bewijsdossier {b['dossier_id']}",
        regels=[
            f"Opgesteld {b['gemaakt_op']} voor {b['voor']['rol']} {b['voor']['persoon_id']} "
            f"({b['voor']['org']}); zichtbaar: {', '.join(b['classificaties'])}; "
            f"beleidsversie {b['beleidsversie'][:16]}.",
            f"Status {s['status']}; eerste ziektedag {s['eerste_ziektedag']}; hersteld op "
            f"{s['hersteld_op'] or '-'}; verzuimpercentage {s['verzuimpercentage']}; plan van "
            f"aanpak {s['plan_van_aanpak_op'] or '-'} met {s['bijstellingen']} bijstelling(en).",
        ],
    )
    kalender = Sectie(
        f"Poortwachterkalender per {b['peildatum']}",
        ("stap", "uiterlijk", "gedaan op", "status", "door", "op advies van"),
        [
            (
                v["omschrijving"] + (" (wettelijk)" if v["wettelijk"] else ""),
                v["uiterlijk"] or "-",
                v["gedaan_op"] or "-",
                v["stand"],
                "; ".join(v["gedaan_door"]) or f"({v['uitvoerder']})",
                "; ".join(v["advies"]) or "-",
            )
            for v in b["kalender"]
        ],
        breedtes=(30, 9, 9, 9, 18, 25),
    )
    tijdlijn = Sectie(
        "Tijdlijn",
        ("geldig op", "geregistreerd", "dienst", "feit", "door", "inhoud"),
        [
            (
                e["geldig_op"],
                e["geregistreerd"][:16].replace("T", " "),
                e["service"],
                e["type"],
                f"{e['actor']['rol']} {e['actor']['persoon_id']}",
                _inhoud(e["data"]),
            )
            for e in b["tijdlijn"]
        ],
        breedtes=(8, 11, 10, 18, 13, 40),
    )

    def feiten(titel: str, lijst: list[dict[str, Any]]) -> Sectie:
        return Sectie(
            titel,
            ("geldig op", "feit", "door", "inhoud"),
            [(f["geldig_op"], f["type"], f["door"], _inhoud(f["data"])) for f in lijst],
            regels=[] if lijst else ["Geen."],
            breedtes=(9, 20, 18, 53),
        )

    documenten = [feiten(f"Document: {naam}", lijst) for naam, lijst in b["documenten"].items()]
    riv = b["riv"]
    riv_sectie = Sectie(
        "Re-integratieverslag",
        regels=[
            "Niet zichtbaar voor deze rol."
            if riv is None
            else f"Aanwezig: {', '.join(riv['aanwezig']) or '-'}; ontbrekend: "
            f"{', '.join(riv['ontbrekend']) or '-'}; samengesteld: "
            f"{'ja' if riv['samengesteld'] else 'nee'}."
        ],
    )
    log = b["toegangslog"]
    toegang = Sectie(
        "Toegangslog",
        ("tijdstip", "wie", "actie", "toegestaan"),
        [
            (t["tijdstip"][:19].replace("T", " "), t["wie"], t["actie"], str(t["toegestaan"]))
            for t in log or []
        ],
        regels=[]
        if b["toegangslog_omvang"] == ALLES
        else [_TOEGANGSLOG_OMVANG[b["toegangslog_omvang"]]],
        breedtes=(20, 40, 25, 15),
    )
    k = b["ketting"]
    ketting = Sectie(
        "Hashketen",
        ("dienst", "aggregaat", "versie", "kop (hash)"),
        [(h["service"], h["aggregate_id"], str(h["version"]), h["hash"]) for h in k["heads"]],
        regels=[
            f"{'Intact' if k['ok'] else 'GEBROKEN'}: {k['aggregates']} ketens, {k['events']} "
            f"feiten gecontroleerd; digest {k['digest']}.",
            *(
                f"Breuk: {x['service']}, {x['event_type']} op positie {x['position']}: "
                f"{x['reason']}"
                for x in k["breaches"]
            ),
        ],
        breedtes=(14, 30, 7, 49),
    )
    return [
        kop,
        kalender,
        tijdlijn,
        *documenten,
        riv_sectie,
        feiten("Spoor 2", b["spoor2"]),
        feiten("Deskundigenoordelen", b["deskundigenoordelen"]),
        toegang,
        ketting,
    ]


def render_html(b: dict[str, Any]) -> bytes:
    e = html.escape
    parts = [
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>",
        f"<title>Bewijsdossier {e(b['dossier_id'])}</title><style>",
        "body{font-family:sans-serif;font-size:12px}table{border-collapse:collapse}",
        "td,th{border:1px solid #999;padding:2px 4px;vertical-align:top}</style></head><body>",
    ]
    for i, s in enumerate(secties(b)):
        parts.append(f"<h{1 if i == 0 else 2}>{e(s.titel)}</h{1 if i == 0 else 2}>")
        parts += [f"<p>{e(regel)}</p>" for regel in s.regels]
        if s.rijen:
            parts.append("<table><tr>" + "".join(f"<th>{e(k)}</th>" for k in s.kolommen) + "</tr>")
            for rij in s.rijen:
                parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in rij) + "</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts).encode()


def _latin1(text: str) -> str:
    # The PDF core fonts are latin-1; anything outside it becomes "?" rather than failing.
    return text.encode("latin-1", "replace").decode("latin-1")


def render_pdf(b: dict[str, Any]) -> bytes:
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    for i, s in enumerate(secties(b)):
        pdf.set_font("Helvetica", "B", 13 if i == 0 else 10)
        pdf.multi_cell(0, 6, _latin1(s.titel), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 7)
        for regel in s.regels:
            pdf.multi_cell(0, 4, _latin1(regel), new_x="LMARGIN", new_y="NEXT")
        if s.rijen:
            with pdf.table(
                col_widths=s.breedtes,
                headings_style=FontFace(emphasis="BOLD"),
                line_height=3.5,
                text_align="LEFT",
            ) as table:
                for rij in (s.kolommen, *s.rijen):
                    row = table.row()
                    for cel in rij:
                        row.cell(_latin1(cel))
        pdf.ln(3)
    return bytes(pdf.output())


_RENDER: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "json": lambda b: json.dumps(b, indent=2, ensure_ascii=False).encode(),
    "html": render_html,
    "pdf": render_pdf,
}


def export(
    platform: DossierPlatform,
    dossier_id: str,
    actor: Actor,
    fmt: str,
    out: Path,
    peildatum: date | None = None,
) -> dict[str, Any]:
    """Write the evidence bundle to `out` in `fmt` (json, html or pdf); returns the bundle data."""
    if fmt not in _RENDER:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")
    b = bundle(platform, dossier_id, actor, peildatum)
    out.write_bytes(_RENDER[fmt](b))
    return b
