"""The calendar's table as a document: every row with its term, who acts, and its source.

`python -m poortwachter.procestabel` writes docs/procestabel.md; a test fails when the committed
document differs from the table, so the docs always state the rules the code applies.
"""

from pathlib import Path

from poortwachter.kalender import RIJEN

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "procestabel.md"


KOPPEN = (
    "code",
    "§5",
    "wanneer",
    "wat",
    "uitvoerder",
    "beoordelaar",
    "classificatie",
    "wettelijk",
    "bron",
)


def markdown() -> str:
    regels = [
        "# De procestabel van de poortwachterkalender",
        "",
        "Gegenereerd uit `poortwachter.kalender.RIJEN` (`python -m poortwachter.procestabel`).",
        "Termijnen tellen ziektedagen (zie de toelichting in `poortwachter/kalender.py`);",
        '"wettelijk" markeert een termijn die de wet zelf stelt.',
        "",
        "| " + " | ".join(KOPPEN) + " |",
        "|" + " --- |" * len(KOPPEN),
    ]
    for r in RIJEN:
        cellen = (
            f"`{r.code}`",
            str(r.tabelrij),
            r.wanneer,
            r.omschrijving,
            r.uitvoerder.value,
            r.beoordelaar.value if r.beoordelaar else "",
            r.classificatie.value,
            "ja" if r.wettelijk else "",
            r.bron,
        )
        regels.append("| " + " | ".join(c.replace("|", "\\|") for c in cellen) + " |")
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    DOCUMENT.write_text(markdown(), encoding="utf-8")
    print(f"{DOCUMENT} geschreven ({len(RIJEN)} rijen)")
