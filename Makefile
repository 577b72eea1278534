# Regie: `make demo` and `make test` do all set-up themselves on a fresh Debian machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_UPDATED := .data/.apt-updated
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup demo test lint typecheck pytest coverage pytest-pg readme-check system-packages openapi clean-data

# Tests run in parallel, one worker per core (pytest-xdist), each worker with its own test database and browser;
# a test module stays on one worker so its module-scoped worlds are built once. Files go out longest first, in the
# order tests/conftest.py collects them (xdist's own order, by number of tests, sent the two-minute fuzz files last).
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

setup: system-packages $(VENV)/.installed node_modules/.installed

# Debian packages: python venv support, Node.js/npm for the front-end packages, Chromium for browser tests, Pango
# for WeasyPrint (the council report PDF) and poppler-utils (pdftoppm, to look at a PDF as images).
system-packages:
	@missing=""; \
	python3 -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv python3-pip"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	/sbin/ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Debian-pakketten installeren:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: setup
	$(VENV)/bin/regie demo

# ruff; the layering of the apps as import contracts (import-linter, [tool.importlinter] in pyproject.toml); and the
# house's rules a linter cannot see: one door for reads, no import hidden in a function (tools/house_rules.py).
lint: setup
	$(VENV)/bin/ruff check src tests benchmarks tools
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m tools.house_rules

typecheck: setup
	REGIE_TESTING=true $(VENV)/bin/mypy

# The suite on the embedded PostgreSQL, in parallel. Without coverage: tracing every line cost 45% more time
# (decision 0020), which CI's 25 minutes cannot carry; the coverage gate is `make coverage`.
pytest: setup
	REGIE_TESTING=true $(VENV)/bin/pytest $(PYTEST_PARALLEL) --durations=15

# The branch-coverage gate: the same suite with branch coverage of src/regie; it fails below COVERAGE_MIN (the
# figure measured when the gate was set, 92.8% on 2026-12-06, less a small margin for branches that depend on
# timing; raise it as tests are added, never lower it). Run before closing an issue (decision 0020).
COVERAGE_MIN := 92.5
coverage: setup
	REGIE_TESTING=true $(VENV)/bin/pytest $(PYTEST_PARALLEL) --cov --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_MIN)

# The tests marked `postgres` (what differs between servers) against the server in DATABASE_URL, as CI does
# for the machine's PostgreSQL 15.
pytest-pg: setup
	@test -n "$$DATABASE_URL" || { echo "pytest-pg: zet DATABASE_URL (postgres://...)" >&2; exit 2; }
	REGIE_TESTING=true $(VENV)/bin/pytest $(PYTEST_PARALLEL) -m postgres

test: lint typecheck pytest

# Every command the README names, in order, on a fresh data directory (tools/readme_commands.py; CI runs it).
readme-check: setup
	$(PY) -m tools.readme_commands

openapi: setup
	REGIE_TESTING=true $(VENV)/bin/regie spectacular --file openapi.json --format openapi-json
