"""JSON Schema of every event contract, for integrators.

`python -m events.schemas` writes one file per event type to `events/schemas/`, and one per
message type of the Kafka integrations (`events.integraties`); a test fails when the committed
files differ from what the contracts say.
"""

import json
import sys
from pathlib import Path

from events import CONTRACTS
from events.integraties import BERICHTEN

SCHEMA_DIR = Path(__file__).parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(event_type: str) -> dict:
    contract = CONTRACTS[event_type]
    schema = contract.model_json_schema()
    schema["$schema"] = DIALECT
    schema["$id"] = f"urn:wvp:event:{event_type}:v{contract.versie}"
    # What the envelope carries beside the payload, stated where integrators look.
    schema["x-wvp"] = {
        "dienst": contract.dienst,
        "classificatie": contract.classificatie.value,
        "versie": contract.versie,
    }
    return schema


def message_schema_for(name: str) -> dict:
    schema = BERICHTEN[name].json_schema()
    schema["$schema"] = DIALECT
    schema["$id"] = f"urn:wvp:bericht:{name}:v1"
    schema["x-wvp"] = {"integratie": True}
    return schema


def rendered() -> dict[str, str]:
    """File name -> file content for every contract and every integration message."""
    schemas = {name: schema_for(name) for name in CONTRACTS}
    schemas.update({name: message_schema_for(name) for name in BERICHTEN})
    return {
        f"{name}.json": json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, schema in sorted(schemas.items())
    }


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(exist_ok=True)
    wanted = rendered()
    for stale in directory.glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
    paths = []
    for name, text in wanted.items():
        path = directory / name
        path.write_text(text)
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write()
    print(f"{len(written)} schemas written to {SCHEMA_DIR}", file=sys.stderr)
