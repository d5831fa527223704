"""Looking at the dossier: what a party sees now, on a given day, or as the dossier was known or
in force on an earlier day (replay for a dispute), and the access log of who looked."""

from pytest_bdd import then, when

from features.driver import bekend_op, tekst
from features.steps.taal import DATUM, stap

# What "ziet die de ...: ja" looks for in the facts the party saw: (type, payload text) -> bool.
ZICHTBAAR = {
    "beperkingen": lambda soort, data: "beperkt in tillen" in data,
    "diagnose": lambda soort, data: "CANARY" in data,
    "ziekmelding": lambda soort, data: soort == "ZiekmeldingGeregistreerd",
    "42-wekenmelding": lambda soort, data: soort == "Melding42WekenIngediend",
}


@when(stap("{partij:Partij} het dossier bekijkt"))
def bekijkt(werk, partij):
    werk.bekijk(werk.partij(partij))


@when(stap("{partij:Partij} op " + DATUM + " het dossier bekijkt"))
def bekijkt_op(werk, partij, datum):
    werk.bekijk(werk.partij(partij), datum)


@when(stap("{partij:Partij} het dossier bekijkt zoals het op " + DATUM + " bekend was"))
def bekijkt_zoals_bekend(werk, partij, datum):
    werk.bekijk(werk.partij(partij), knownAt=bekend_op(datum).isoformat())


@when(stap("{partij:Partij} het dossier bekijkt zoals het op " + DATUM + " gold"))
def bekijkt_zoals_gold(werk, partij, datum):
    werk.bekijk(werk.partij(partij), asOf=datum.isoformat())


@then(stap("ziet die de {wat}: {antwoord}"))
def ziet(werk, wat, antwoord):
    assert antwoord in ("ja", "nee"), antwoord
    assert werk.zag(ZICHTBAAR[wat]) == (antwoord == "ja")


@then(stap("ziet die medische gegevens: {antwoord}"))
def ziet_medische_gegevens(werk, antwoord):
    assert werk.zicht, "die partij zag niets van het dossier"
    medisch = [e for e in werk.zicht if e["classificatie"] == "MEDISCH" or "CANARY" in tekst(e)]
    assert bool(medisch) == (antwoord == "ja")
    assert ("MEDISCH" in werk.in_blik("classificaties")["classificaties"]) == (antwoord == "ja")


@then(stap('staan in het toegangslog inzagen van "{a}" en "{b}"'))
def toegangslog(werk, a, b):
    # The access log is the werknemer's to read.
    log = werk.lees(werk.partij("de werknemer"), "toegangslog { persoonId actie }")["toegangslog"]
    assert {a, b} <= {regel["persoonId"] for regel in log if regel["actie"] == "inzage"}


# Wat een weergave op een eerdere dag toont


@then(stap('is "{naam}" in die weergave nog ziek'))
def nog_ziek_in_weergave(werk, naam):
    dossier = werk.in_blik("werknemerId status hersteldOp")
    assert dossier == {"werknemerId": naam, "status": "OPEN", "hersteldOp": None}


@then(stap('is "{naam}" in die weergave hersteld per ' + DATUM))
def hersteld_in_weergave(werk, naam, datum):
    dossier = werk.in_blik("werknemerId status hersteldOp")
    assert dossier == {"werknemerId": naam, "status": "HERSTELD", "hersteldOp": datum.isoformat()}


@then(stap("is in die weergave de eerste ziektedag " + DATUM))
def eerste_ziektedag_in_weergave(werk, datum):
    assert werk.in_blik("eersteZiektedag") == {"eersteZiektedag": datum.isoformat()}


@then(stap('toont de tijdlijn bij het plan van aanpak de reden "{reden}"'))
def reden_in_tijdlijn(werk, reden):
    dossier = werk.lees(
        werk.partij("de werkgever"), 'timeline(type: "PlanVanAanpakVastgesteld") { payload }'
    )
    assert [e["payload"]["reden_terugdatering"] for e in dossier["timeline"]] == [reden]


def _plan_in_weergave(werk) -> dict | None:
    return werk.in_blik("documenten { planVanAanpak { geldigOp } }")["documenten"]["planVanAanpak"]


@then("toont die weergave geen plan van aanpak")
def geen_plan_in_weergave(werk):
    assert _plan_in_weergave(werk) is None


@then(stap("toont die weergave het plan van aanpak van " + DATUM))
def plan_in_weergave(werk, datum):
    assert _plan_in_weergave(werk) == {"geldigOp": datum.isoformat()}


@then(stap('verzuimt "{naam}" in die weergave op ' + DATUM + " voor {procent:d} procent"))
def verzuimt_in_weergave(werk, naam, datum, procent):
    # The dossier has no field for the percentage in force, so it is read from the facts in
    # view: the last ziekmelding or change that took effect by `datum`.
    dossier = werk.in_blik("werknemerId timeline { type geldigOp recordedAt payload }")
    assert dossier["werknemerId"] == naam
    soorten = ("ZiekmeldingGeregistreerd", "VerzuimpercentageGewijzigd")
    in_werking = sorted(
        (e["geldigOp"], e["recordedAt"], e["payload"]["verzuimpercentage"])
        for e in dossier["timeline"]
        if e["type"] in soorten and e["geldigOp"] <= datum.isoformat()
    )
    assert in_werking[-1][2] == procent
