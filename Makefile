# Every target sets itself up: a fresh clone needs only python3 (3.11) and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The OPA engine's wheel asks for Python >= 3.14 in its metadata but runs on 3.11.
OPA_BINDINGS := opa-golib-python-bindings==0.4.4

.PHONY: install browser run demo test lint format docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# The wheel holds the product only; in a checkout the benchmarks and the development
	# harness (bench/, tooling/) are importable too, through the checkout on sys.path.
	$(BIN)/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "wvp-checkout.pth").write_text("$(CURDIR)\n")'
	$(BIN)/python -m pip install --quiet --ignore-requires-python $(OPA_BINDINGS)
	touch $(STAMP)

run: install
	$(BIN)/wvp serve --demo

demo: install
	$(BIN)/wvp demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# The web page tests drive Debian's headless Chromium. Installing it needs root and apt; without
# them the browser tests skip, unless WVP_REQUIRE_BROWSER is set (as in CI), which fails them.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium not installed (needs root and apt-get): browser tests will skip"; fi; }

test: lint browser
	$(BIN)/pytest

# Living documentation: run the features, then render them with their results.
docs: install
	mkdir -p var
	$(BIN)/pytest features -q --cucumberjson=var/cucumber.json; status=$$?; \
	$(BIN)/python -m wvp.levende_documentatie var/cucumber.json docs/scenarios.html; \
	exit $$status

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
