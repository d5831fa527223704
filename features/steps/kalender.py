"""The poortwachter calendar: an obligation's status, due date, recording and classification.

An obligation is named in Dutch words for its code ("ziekmelding uitgevraagd"); a name that is no
code of the calendar fails the step instead of silently finding nothing.
"""

from pytest_bdd import then

from features.driver import rij
from features.steps.taal import DATUM, code, stap
from poortwachter.kalender import CODES

VERPLICHTING = 'is op {peildatum:Datum} de verplichting "{naam}" {status:Status}'


def _code(naam: str) -> str:
    gevonden = code(naam)
    assert gevonden in CODES, f"{naam!r} ({gevonden}) is geen verplichting van de kalender"
    return gevonden


def _verplichting(werk, naam, peildatum) -> dict:
    return werk.verplichting(_code(naam), peildatum)


@then(stap(VERPLICHTING))
def verplichting_status(werk, peildatum, naam, status):
    assert _verplichting(werk, naam, peildatum)["status"] == status


@then(stap(VERPLICHTING + " met uiterlijk {uiterlijk:Datum}"))
def verplichting_status_en_termijn(werk, peildatum, naam, status, uiterlijk):
    verplichting = _verplichting(werk, naam, peildatum)
    assert (verplichting["status"], verplichting["uiterlijk"]) == (status, uiterlijk.isoformat())


@then(stap(VERPLICHTING + ', omdat "{reden}"'))
def verplichting_status_en_reden(werk, peildatum, naam, status, reden):
    verplichting = _verplichting(werk, naam, peildatum)
    assert (verplichting["status"], verplichting["reden"]) == (status, reden)


@then(stap(VERPLICHTING + ", maar te laat vastgelegd op {vastgelegd:Datum}"))
def verplichting_te_laat_vastgelegd(werk, peildatum, naam, status, vastgelegd):
    verplichting = _verplichting(werk, naam, peildatum)
    assert (verplichting["status"], verplichting["teLaatVastgelegd"]) == (status, True)
    assert verplichting["vastgelegdOp"] == vastgelegd.isoformat()


@then(stap(VERPLICHTING + ", en ook op tijd vastgelegd"))
def verplichting_op_tijd_vastgelegd(werk, peildatum, naam, status):
    verplichting = _verplichting(werk, naam, peildatum)
    assert (verplichting["status"], verplichting["teLaatVastgelegd"]) == (status, False)


@then(stap("is die verplichting als {classificatie} geclassificeerd"))
def geclassificeerd(werk, classificatie):
    verplichting, lezer = werk.verplichting_van
    assert verplichting["classificatie"] == classificatie.upper()
    # A medical row stays out of the werkgever's calendar: only the bedrijfsarts could read it.
    assert (lezer == werk.bedrijfsarts) == (classificatie == "medisch")


@then(
    stap('toont die weergave de verplichting "{naam}" als {status:Status} met uiterlijk ' + DATUM)
)
def verplichting_in_weergave(werk, naam, status, datum):
    # Without a peildatum the calendar is read on the day of the time cut.
    kalender = werk.in_blik("kalender { code status uiterlijk }")["kalender"]
    verplichting = rij(kalender, _code(naam))
    assert verplichting is not None, naam
    assert (verplichting["status"], verplichting["uiterlijk"]) == (status, datum.isoformat())
