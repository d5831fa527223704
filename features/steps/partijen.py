"""Who takes part: the werkgever and its HR employee, the bedrijfsarts, a CMTD."""

from pytest_bdd import given

from events import Actor, Rol
from features.steps.taal import DATUM, stap


@given(stap('werkgever "{werkgever}" met HR-medewerker "{hr}"'))
def werkgever_met_hr(werk, werkgever, hr):
    werk.werkgever_id = werkgever
    werk.hr = Actor(rol=Rol.WERKGEVER, persoon_id=hr, organisatie=werkgever)


@given(stap('bedrijfsarts "{ba}" van arbodienst "{arbodienst}"'))
def bedrijfsarts_van(werk, ba, arbodienst):
    werk.bedrijfsarts = Actor(rol=Rol.BEDRIJFSARTS, persoon_id=ba, organisatie=arbodienst)


@given(stap('casemanager in taakdelegatie "{naam}" van arbodienst "{arbodienst}"'))
def cmtd(werk, naam, arbodienst):
    werk.personen[naam] = Actor(rol=Rol.CMTD, persoon_id=naam, organisatie=arbodienst)


@given(stap("de werkgever heeft op " + DATUM + ' bedrijfsarts "{ba}" toegewezen'))
def bedrijfsarts_toegewezen(werk, datum, ba):
    werk.doe(
        datum,
        werk.hr,
        "wijs_bedrijfsarts_toe",
        werk.dossier,
        {"persoon_id": ba, "organisatie": werk.bedrijfsarts.organisatie},
    )
