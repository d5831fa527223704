"""The role matrix as the policies decide it, rendered as Markdown for policies/README.md.

Each relation gets a principal that holds it on a dossier where every party is present (the CMTD
with a delegation of every delegable task), and the embedded engine decides every command and a
read for it. `python -m policies.matrix` rewrites the tables between the markers in the README.
"""

from pathlib import Path
from typing import Any

from policies.engine import BUNDLE_DIR, EmbeddedEngine

README = BUNDLE_DIR / "README.md"
BEGIN, END = "<!-- rollenmatrix:begin -->", "<!-- rollenmatrix:end -->"
KLASSEN = ("administratief", "functioneel", "medisch")
OVERZICHTEN = ("taakdelegaties", "providers")  # the lists outside any dossier

DOSSIER = {
    "id": "d1",
    "werknemer_id": "wn1",
    "werkgever_id": "acme",
    "bedrijfsarts": {"persoon_id": "ba1", "organisatie": "arbo"},
    "casemanager": "cw1",
    "casemanagers": ["cw1"],
    "arbeidsdeskundige": {"persoon_id": "ad1", "organisatie": "adbureau"},
    "verwezen_providers": ["psy1", "fysio1"],
    "geaccepteerde_providers": ["psy1"],
    "verwijzingen": {"v1": "psy1", "v2": "fysio1"},
    "verzekeraars": ["verz1"],
    "melding_42_weken": True,
    "cmtd_actoren": [],
}
DELEGATIE = {
    "delegatie_id": "del1",
    "bedrijfsarts_id": "ba1",
    "gedelegeerde_id": "cm1",
    "taken": [
        "triage",
        "informatie_vastleggen",
        "medische_informatie_opvragen",
        "werknemer_oproepen",
        "oordeel_rapporteren",
    ],
    "dossiers": None,
    "van": "2026-01-01",
    "tot": "2026-12-31",
    "ingetrokken_op": None,
}
# relation -> (rol, persoon_id, organisatie) of a principal holding it
HOUDERS = {
    "werknemer": ("werknemer", "wn1", "acme"),
    "werkgever": ("werkgever", "hr1", "acme"),
    "casemanager": ("casemanager", "cw1", "acme"),
    "bedrijfsarts": ("bedrijfsarts", "ba1", "arbo"),
    "cmtd": ("cmtd", "cm1", "arbo"),
    "arbeidsdeskundige": ("arbeidsdeskundige", "ad1", "adbureau"),
    "verwezen_provider": ("provider", "f1", "fysio1"),
    "provider": ("provider", "p1", "psy1"),
    "uwv": ("uwv", "u1", "uwv"),
    "verzekeraar": ("verzekeraar", "v1", "verz1"),
    "compliance": ("compliance", "c1", "acme"),
}


def _fields(command: str, principal: dict[str, str]) -> dict[str, Any]:
    own = {
        "registreer_ziekmelding": {"werkgever_id": principal["organisatie"]},
        "verleen_taakdelegatie": {"gedelegeerde_id": "cm9"},
        "trek_taakdelegatie_in": {"delegatie_id": "del1"},
        "registreer_provider": {"provider_id": principal["organisatie"]},
        "accepteer_verwijzing": {"verwijzing_id": "v2", "provider_id": "fysio1"},
        "start_interventie": {"verwijzing_id": "v1"},
        "dien_voortgangsrapportage_in": {"verwijzing_id": "v1"},
        "rond_interventie_af": {"verwijzing_id": "v1"},
        "dien_factuur_in": {"verwijzing_id": "v1"},
    }
    return own.get(command, {})


def _input(principal: dict[str, str], action: dict[str, Any], with_dossier: bool) -> dict:
    return {
        "principal": principal,
        "action": action,
        "dossier": DOSSIER if with_dossier else None,
        "delegaties": [DELEGATIE],
        "betrokken_dossiers": [],
        "today": "2026-03-01",
    }


def decide_matrix(engine: EmbeddedEngine) -> dict[str, Any]:
    """{"commands": {command: {relation: bool}}, "zicht": {relation: {part: [classes]}},
    "toegangslog": {relation: "alles" | "eigen_organisatie" | None},
    "overzichten": {list: {relation: [its relations to the entries]}}}."""
    matrix = engine.evaluate("rollenmatrix")
    zonder = matrix["zonder_dossier"]
    commands: dict[str, dict[str, bool]] = {}
    zicht: dict[str, dict[str, list[str]]] = {}
    toegangslog: dict[str, str | None] = {}
    overzichten: dict[str, dict[str, list[str]]] = {naam: {} for naam in OVERZICHTEN}
    for relatie in matrix["relaties"]:
        rol, persoon, organisatie = HOUDERS[relatie]
        principal = {"rol": rol, "persoon_id": persoon, "organisatie": organisatie}
        for command in sorted({*matrix["commandos"], *zonder}):
            action = {"kind": "command", "command": command, "fields": _fields(command, principal)}
            decision = engine.decide(_input(principal, action, command not in zonder))
            commands.setdefault(command, {})[relatie] = decision.allowed
        read = engine.decide(_input(principal, {"kind": "read"}, True))
        parts: dict[str, list[str]] = {}
        for regel in sorted(
            read.zicht, key=lambda z: (z.onderdeel, KLASSEN.index(z.classificatie))
        ):
            label = regel.classificatie
            if regel.alleen is not None:
                label += " (alleen " + ", ".join(sorted(regel.alleen)) + ")"
            parts.setdefault(regel.onderdeel, []).append(label)
        zicht[relatie] = parts
        toegangslog[relatie] = read.toegangslog
        for naam in OVERZICHTEN:
            lijst = engine.decide(
                _input(principal, {"kind": "overzicht", "overzicht": naam}, False)
            )
            overzichten[naam][relatie] = sorted(lijst.relaties) if lijst.allowed else []
    return {
        "commands": commands,
        "zicht": zicht,
        "toegangslog": toegangslog,
        "overzichten": overzichten,
        "relaties": matrix["relaties"],
    }


def render(decided: dict[str, Any]) -> str:
    relaties = decided["relaties"]
    lines = [
        "Commands (✓ allowed; for `cmtd` only within the delegated task, see `cmtd_taken`):",
        "",
        "| command | " + " | ".join(relaties) + " |",
        "|---|" + "---|" * len(relaties),
    ]
    for command, by_relation in decided["commands"].items():
        cells = ["✓" if by_relation[r] else "" for r in relaties]
        lines.append(f"| `{command}` | " + " | ".join(cells) + " |")
    lines += ["", "What each relation sees of a dossier, per part, and its access log:", ""]
    lines += ["| relation | part: classifications | toegangslog |", "|---|---|---|"]
    for relatie in relaties:
        parts = decided["zicht"][relatie]
        text = "; ".join(f"{part}: {', '.join(k)}" for part, k in parts.items()) or "nothing"
        log = {"alles": "✓", "eigen_organisatie": "eigen organisatie"}.get(
            decided["toegangslog"][relatie], ""
        )
        lines.append(f"| {relatie} | {text} | {log} |")
    lines += [
        "",
        "Lists outside any dossier (GraphQL queries of the same name), by the principal's role, "
        "with its relation to the entries:",
        "",
        "| list | " + " | ".join(relaties) + " |",
        "|---|" + "---|" * len(relaties),
    ]
    for naam, by_relation in decided["overzichten"].items():
        cells = [", ".join(by_relation[r]) for r in relaties]
        lines.append(f"| `{naam}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def rewrite(readme: Path = README) -> bool:
    """Put the freshly decided tables between the markers; True when the file changed."""
    text = readme.read_text()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    engine = EmbeddedEngine()
    try:
        table = render(decide_matrix(engine))
    finally:
        engine.close()
    updated = f"{head}{BEGIN}\n{table}\n{END}{tail}"
    if updated != text:
        readme.write_text(updated)
    return updated != text


if __name__ == "__main__":
    print("README updated" if rewrite() else "README already up to date")
