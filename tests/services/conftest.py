"""The service tests prove the services' own rules, so access policy enforcement is off here."""

import pytest


@pytest.fixture
def platform_options() -> dict:
    return {"policy": False}
