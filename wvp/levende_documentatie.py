"""Living documentation: the Gherkin features with their last results, as one HTML page.

Reads the cucumber JSON that pytest-bdd writes (`pytest features --cucumberjson=FILE`) and shows
every feature, scenario and step with its outcome, plus which scenarios cover each row of the
process table. Run: `python -m wvp.levende_documentatie CUCUMBER_JSON OUT_HTML` (or `make docs`).
"""

import json
import sys
from collections import defaultdict
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from poortwachter.kalender import RIJEN

STIJL = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
.scenario { margin: .8rem 0 .8rem 1rem; }
.passed { color: #1a7f37; } .failed { color: #cf222e; } .skipped { color: #9a6700; }
.tag { font-size: .75rem; background: #eef; border-radius: .3rem; padding: 0 .3rem; }
ol { margin: .2rem 0; } td, th { padding: .2rem .6rem; text-align: left; vertical-align: top; }
table { border-collapse: collapse; } tr:nth-child(even) { background: #f6f8fa; }
"""


def _status(element: dict) -> str:
    statussen = {stap["result"]["status"] for stap in element["steps"]}
    for status in ("failed", "skipped"):
        if status in statussen:
            return status
    return "passed"


def _tags(element: dict) -> str:
    return " ".join(f'<span class="tag">@{escape(t["name"])}</span>' for t in element["tags"])


def _scenario(element: dict) -> str:
    status = _status(element)
    stappen = "".join(
        f'<li class="{escape(s["result"]["status"])}"><b>{escape(s["keyword"])}</b> '
        f"{escape(s['name'])}</li>"
        for s in element["steps"]
    )
    return (
        f'<div class="scenario"><span class="{status}">●</span> '
        f"<b>{escape(element['keyword'])}:</b> {escape(element['name'])} {_tags(element)}"
        f"<ol>{stappen}</ol></div>"
    )


def _dekking(features: list[dict]) -> str:
    """Per row of the process table: the scenarios tagged with one of its codes, and results."""
    per_code = defaultdict(list)
    for feature in features:
        for element in feature["elements"]:
            for tag in element["tags"]:
                if tag["name"].startswith("rij-"):
                    per_code[tag["name"][4:]].append((element["name"], _status(element)))
    regels = []
    for rij in RIJEN:
        gevonden = sorted(set(per_code.get(rij.code, [])))
        cel = "<br>".join(f'<span class="{s}">●</span> {escape(n)}' for n, s in gevonden)
        regels.append(
            f"<tr><td>{rij.tabelrij}</td><td>{escape(rij.wanneer)}</td>"
            f"<td>{escape(rij.omschrijving)}</td><td>{cel or '<b class=failed>geen</b>'}</td></tr>"
        )
    return (
        "<table><tr><th>§5</th><th>wanneer</th><th>verplichting</th><th>scenario's</th></tr>"
        + "".join(regels)
        + "</table>"
    )


def render(features: list[dict], gemaakt: datetime) -> str:
    telling = defaultdict(int)
    for feature in features:
        for element in feature["elements"]:
            telling[_status(element)] += 1
    samenvatting = ", ".join(f"{n} {status}" for status, n in sorted(telling.items()))
    delen = [
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>",
        f"<title>WVP-scenario's</title><style>{STIJL}</style></head><body>",
        "<h1>Wet verbetering poortwachter: scenario's en hun uitkomst</h1>",
        f"<p>Laatste run: {gemaakt:%Y-%m-%d %H:%M} UTC — {escape(samenvatting)}.</p>",
        "<h2>Dekking van de procestabel</h2>",
        _dekking(features),
    ]
    for feature in sorted(features, key=lambda f: f["uri"]):
        delen.append(f"<h2>{escape(feature['name'])}</h2>")
        delen.append(f"<p>{escape(feature['description'])}</p>")
        delen.extend(_scenario(element) for element in feature["elements"])
    delen.append("</body></html>")
    return "\n".join(delen)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("gebruik: python -m wvp.levende_documentatie CUCUMBER_JSON UIT_HTML", file=sys.stderr)
        return 2
    bron, doel = Path(argv[0]), Path(argv[1])
    try:
        features = json.loads(bron.read_text())
    except (OSError, json.JSONDecodeError) as fout:
        print(f"kan {bron} niet lezen: {fout}", file=sys.stderr)
        return 1
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_text(render(features, datetime.now(tz=UTC)))
    print(f"{doel} geschreven")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
