"""Taakdelegatie: the bedrijfsarts delegates tasks to a casemanager in taakdelegatie (CMTD), who
then acts within them; the commands a CMTD sends."""

from pytest_bdd import given, when

from features.steps.invoer import HUISARTS
from features.steps.opdracht import Opdracht, registreer
from features.steps.taal import DATUM, keuzes, stap

BEREIK = ("dit dossier", "het hele caseload")


def _delegeert(uitvoeren: str):
    """A delegation step: through `werk.doe` (must succeed) or `werk.probeer`."""

    def delegeer(werk, naam, datum, taken, bereik, tot):
        assert bereik in BEREIK, bereik
        werk.delegatie_id = f"del-{naam}-{datum:%Y%m%d}"
        getattr(werk, uitvoeren)(
            datum,
            werk.bedrijfsarts,
            "verleen_taakdelegatie",
            None,
            {
                "delegatie_id": werk.delegatie_id,
                "gedelegeerde_id": naam,
                "taken": keuzes(taken),
                "dossiers": [werk.dossier] if bereik == "dit dossier" else None,
                "tot": tot,
            },
        )

    return delegeer


given(
    stap(
        'de bedrijfsarts heeft "{naam}" op {datum:Datum} de taken "{taken}" gedelegeerd voor '
        "{bereik} tot {tot:Datum}"
    )
)(_delegeert("doe"))
when(
    stap(
        'de bedrijfsarts "{naam}" op {datum:Datum} de taken "{taken}" probeert te delegeren voor '
        "{bereik} tot {tot:Datum}"
    )
)(_delegeert("probeer"))


@given(stap("de bedrijfsarts heeft op " + DATUM + " de delegatie ingetrokken"))
def ingetrokken(werk, datum):
    werk.doe(
        datum,
        werk.bedrijfsarts,
        "trek_taakdelegatie_in",
        None,
        {"delegatie_id": werk.delegatie_id},
    )


# fmt: off
registreer(
    Opdracht("{naam}", "leg_triage_informatie_vast",
             {"aantekening": "klachten sinds een week, slaapt slecht"},
             als='"{naam}" op {datum:Datum} triage-informatie vastlegt', probeer=True),
    Opdracht("{naam}", "roep_werknemer_op", lambda p: {"datum_consult": p["op"]},
             als='"{naam}" op {datum:Datum} de werknemer oproept voor het spreekuur op {op:Datum}',
             probeer=True),
    Opdracht("{naam}", "rapporteer_oordeel",
             {"kan_werken": False, "toelichting": "volgens de bedrijfsarts nu geen mogelijkheden"},
             als='"{naam}" op {datum:Datum} aan de werkgever rapporteert dat "{wn}" niet kan '
             "werken",
             dossier="wn", probeer=True),
    Opdracht("{naam}", "geef_triage_oordeel",
             {"medische_oorzaak": True, "toelichting": "eigen inschatting"},
             als='"{naam}" op {datum:Datum} probeert te oordelen dat er een medische oorzaak is',
             probeer=True),
    Opdracht("{naam}", "vraag_medische_informatie_op", HUISARTS,
             als='"{naam}" op {datum:Datum} medische informatie opvraagt bij de huisarts',
             probeer=True),
    # Rolvermenging: wie CMTD is, wordt op dat dossier geen casemanager van de werkgever.
    Opdracht("de werkgever", "stel_casemanager_aan",
             lambda p: {"persoon_id": p["naam"], "naam": p["naam"]},
             als='de werkgever op {datum:Datum} "{naam}" als casemanager aanstelt', probeer=True),
)
# fmt: on
