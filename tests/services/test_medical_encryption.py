"""Medical data is encrypted at rest, and the employer's store never receives it at all."""

import json
from uuid import uuid4

from services.catalog import SERVICES
from tests.services.helpers import events_of, lever_probleemanalyse, meld_ziek, raw_store


def test_a_diagnosis_is_only_readable_through_the_bedrijfsarts_service(platform, store_env):
    diagnose = f"CANARY-diagnose-{uuid4().hex}"
    mogelijkheden = f"FUNCTIONEEL-{uuid4().hex}"
    dossier = meld_ziek(platform).dossier_id
    lever_probleemanalyse(platform, dossier, diagnose=diagnose, mogelijkheden=mogelijkheden)

    raw = {service.name: raw_store(store_env, service.name) for service in SERVICES}
    assert all(raw.values())
    for name, stored in raw.items():
        assert diagnose.encode() not in stored, f"the diagnosis is readable in {name}'s store"
    # The employer's store is not encrypted: the functional part is plainly there, which shows
    # the raw read sees stored text. The bedrijfsarts' store hides even that part.
    assert mogelijkheden.encode() in raw["werkgever"]
    assert mogelijkheden.encode() not in raw["bedrijfsarts"]

    (medisch,) = [
        e
        for e in events_of(platform, dossier, "bedrijfsarts")
        if type(e).__name__ == "MedischeProbleemanalyseVastgelegd"
    ]
    assert medisch.data["diagnose"] == diagnose
    assert medisch.classificatie == "medisch"

    werkgever = events_of(platform, dossier, "werkgever")
    (ontvangen,) = [e for e in werkgever if type(e).__name__ == "ProbleemanalyseOntvangen"]
    assert ontvangen.data["mogelijkheden"] == mogelijkheden
    assert ontvangen.classificatie == "functioneel"
    assert "diagnose" not in ontvangen.data
    for name, event in platform.history(dossier):
        if diagnose in json.dumps(event.data):
            assert name == "bedrijfsarts", f"{type(event).__name__} of {name} holds the diagnosis"
