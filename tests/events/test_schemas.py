import json

import jsonschema
import pytest

from events import CONTRACTS
from events.schemas import SCHEMA_DIR, rendered


def test_committed_schemas_match_the_contracts():
    committed = {p.name: p.read_text() for p in SCHEMA_DIR.glob("*.json")}
    assert committed == rendered(), "run: python -m events.schemas"


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text())


def test_the_ziekmelding_schema_rejects_a_diagnosis_as_the_contract_does():
    melding = {"geldig_op": "2026-03-02", "werknemer_id": "wn-1", "werkgever_id": "wg-1"}
    jsonschema.validate(melding, _schema("ZiekmeldingGeregistreerd"))
    with pytest.raises(jsonschema.ValidationError, match="diagnose"):
        jsonschema.validate({**melding, "diagnose": "hernia"}, _schema("ZiekmeldingGeregistreerd"))


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_every_schema_is_valid_and_names_its_classification(name):
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["x-wvp"]["classificatie"] == CONTRACTS[name].classificatie.value
