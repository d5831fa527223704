"""What became of the last command: recorded as which fact, or refused, and why.

A refusal step names its reason; the step checks that the API's error gives that reason. A
refusal by the access policy (FORBIDDEN) always says "<commando> geweigerd: <redenen>".
"""

from pytest_bdd import then

from features.driver import camel
from features.steps.taal import code, keuze, stap

# The facts "is dat vastgelegd als ..." names, by the event type the API reports.
FEITEN = {
    "een adviesgesprek": "AdviesgesprekGehouden",
    "een triage-oordeel": "TriageOordeelGegeven",
    "triage-informatie": "TriageInformatieVastgelegd",
    "een gerapporteerd oordeel": "OordeelGerapporteerd",
    "een verzoek om medische informatie": "MedischeInformatieOpgevraagd",
    "een ontvangen brief van UWV": "UwvBriefOntvangen",
    "een correctie van de eerste ziektedag": "EersteZiektedagGecorrigeerd",
    "een intrekking van de ziekmelding": "ZiekmeldingIngetrokken",
}


@then(stap("is dat vastgelegd als {feit}"))
def vastgelegd_als(werk, feit):
    werk.moet_gelukt_zijn()
    assert FEITEN[feit] in werk.vastgelegd, werk.vastgelegd


@then("is er niets vastgelegd")
def niets_vastgelegd(werk):
    zichtbaar_voor, buiten_voor = werk.telling_voor
    assert werk.telling(werk.vandaag, buiten_voor is not None) == (zichtbaar_voor, buiten_voor)


def _melding(werk, *delen: str, foutcode: str | None = None) -> None:
    """The last command was refused with `foutcode` (if given) and every one of `delen` in its
    message."""
    fout = werk.moet_geweigerd_zijn()
    if foutcode is not None:
        assert fout["extensions"]["code"] == foutcode, fout
    for deel in delen:
        assert deel in fout["message"], (deel, fout)


def _door_beleid(werk, reden: str) -> None:
    """Refused by the access policy for `reden`."""
    _melding(werk, "geweigerd: ", reden, foutcode="FORBIDDEN")


@then(stap('wordt dit geweigerd met een melding over "{woorden}"'))
def geweigerd(werk, woorden):
    _melding(werk, woorden)


@then(stap('wordt dit geweigerd omdat de ziekmelding geen veld "{veld}" kent'))
def onbekend_veld(werk, veld):
    _melding(werk, f"unknown field '{camel(code(veld))}'")


@then(stap('wordt dit geweigerd omdat "{vraag}" geen vraag voor een deskundigenoordeel is'))
def onbekende_vraag(werk, vraag):
    _melding(werk, f"'{keuze(vraag)}'", "'DeskundigenoordeelVraag'")


@then(stap('wordt dit geweigerd omdat de taak "{taak}" niet delegeerbaar is'))
def niet_delegeerbaar(werk, taak):
    _melding(werk, f"niet delegeerbaar: {code(taak)}")


@then(stap('wordt dit geweigerd omdat de onderdelen "{lijst}" ontbreken'))
def ontbrekende_onderdelen(werk, lijst):
    fout = werk.moet_geweigerd_zijn()
    assert fout["extensions"]["code"] == "DOMAIN_RULE", fout
    assert fout["extensions"]["ontbrekend"] == [code(o) for o in lijst.split(", ")]


@then("wordt dit geweigerd omdat alleen de bedrijfsarts een oordeel geeft")
def alleen_bedrijfsarts_oordeelt(werk):
    _door_beleid(werk, "alleen de bedrijfsarts geeft een oordeel")


@then("wordt dit geweigerd omdat de werkgever geen gezondheidsgegevens vastlegt")
def geen_gezondheidsgegevens(werk):
    _door_beleid(werk, "leggen geen gezondheidsgegevens vast")


@then("wordt dit geweigerd wegens rolvermenging")
def rolvermenging(werk):
    _door_beleid(werk, "rolvermenging: ")


@then(stap("wordt dit geweigerd omdat {partij:Partij} dat niet mag"))
def mag_niet(werk, partij):
    actor = werk.partij(partij)
    _door_beleid(werk, f"als {actor.rol.value} mag {actor.persoon_id} geen ")


@then(stap("wordt dit geweigerd omdat {partij:Partij} geen relatie met dit dossier heeft"))
def geen_relatie(werk, partij):
    _door_beleid(werk, f"{werk.partij(partij).persoon_id} heeft geen relatie met dit dossier")


@then(stap('wordt dit geweigerd omdat "{provider}" de verwijzing nog niet heeft geaccepteerd'))
def niet_geaccepteerd(werk, provider):
    # Until it accepts, a provider relates to the dossier only as the referred one.
    persoon_id = werk.personen[provider].persoon_id
    _door_beleid(werk, f"als verwezen_provider mag {persoon_id} geen ")


@then(stap('wordt dit geweigerd omdat de taakdelegatie van "{naam}" de taak "{taak}" niet dekt'))
def taak_niet_gedelegeerd(werk, naam, taak):
    _door_beleid(werk, f"de taakdelegatie van {naam} dekt ")
    _melding(werk, f"(nodig: taak {code(taak)})")
