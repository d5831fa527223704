import pytest

from policies.engine import EmbeddedEngine
from tests.policies.enumeration import cases
from tooling.dataapi import serving


@pytest.fixture(scope="session")
def embedded() -> EmbeddedEngine:
    engine = EmbeddedEngine()
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def opa_url(embedded):
    """OPA's Data API on 127.0.0.1, answered by the embedded engine (no OPA binary here)."""
    with serving(embedded) as url:
        yield url


@pytest.fixture(scope="session")
def enumerated(embedded) -> list[tuple[dict, dict, object]]:
    """(state, policy input, embedded decision) for the whole enumeration."""
    return [(state, input, embedded.decide(input)) for state, input in cases()]
