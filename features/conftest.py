"""Wires the features up: the `werk` fixture (features/driver.py) and the step definitions of
features/steps/.

pytest-bdd registers a step definition as a fixture in the namespace of the module that defines
it, and pytest finds fixtures only in a conftest or the test module. So the step definitions of
each step module are taken over here. (`pytest_plugins` would do the same, but pytest refuses it
in a conftest below the rootdir that it does not load at startup, as with `pytest .`.)
"""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from pytest_bdd.steps import StepNamePrefix

# Asserts in the driver and the step modules explain a failure the way those in a conftest do.
pytest.register_assert_rewrite("features.driver", "features.steps")

from features import steps  # noqa: E402 (after the rewrite hook)
from features.driver import dossierwerk  # noqa: E402


def _stapdefinities() -> dict[str, object]:
    """The step definitions of every module in features/steps/, a new module included."""
    gevonden: dict[str, object] = {}
    for module_info in pkgutil.iter_modules(steps.__path__, f"{steps.__name__}."):
        module = importlib.import_module(module_info.name)
        for naam, waarde in vars(module).items():
            if naam.startswith(StepNamePrefix.step_def.value):
                # Two modules defining the same text would otherwise shadow one another.
                assert naam not in gevonden, f"stap {naam} dubbel, ook in {module.__name__}"
                gevonden[naam] = waarde
    return gevonden


globals().update(_stapdefinities())


def pytest_configure(config):
    # Feature tags become pytest marks (select with -m); register them so pytest knows them.
    for feature in Path(__file__).parent.glob("*.feature"):
        for tag in set(re.findall(r"@([\w-]+)", feature.read_text())):
            config.addinivalue_line("markers", f"{tag}: feature tag")


@pytest.fixture
def werk(tmp_path):
    with dossierwerk(tmp_path) as werk:
        yield werk
