# Factbook — the two commands a newcomer needs:
#   make run    set up .venv, migrate, import seeds/, serve http://127.0.0.1:8000/
#   make test   checks + the whole suite on SQLite and on PostgreSQL
# Requires GNU make, Python 3.11 as `python3` (override: make PYTHON=python3.11 ...).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.factbook-installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The PostgreSQL run of the suite. Not exported under this name unless you set it,
# so that scripts/ensure-postgres can tell "your own server" from "the local default".
PG_TEST_URL := $(or $(TEST_POSTGRES_URL),postgres://postgres@127.0.0.1:5432/factbook)

.PHONY: help install run import superuser migrate test check test-sqlite test-postgres constraints clean

help:
	@echo "make run         install into $(VENV), migrate, import seeds/, serve http://$(HOST):$(PORT)/ (SQLite by default)"
	@echo "make test        manage.py check, missing-migration check, pytest on SQLite and on PostgreSQL"
	@echo "make superuser   create an admin login for /admin/"
	@echo "make import      import seeds/ only (manage.py import_articles)"
	@echo "make install     only create/update $(VENV)"
	@echo "make constraints regenerate constraints.txt from a clean venv"
	@echo "make clean       remove $(VENV), the SQLite database, staticfiles and caches"
	@echo "Variables: HOST, PORT, DATABASE_URL, TEST_POSTGRES_URL, PYTEST_ARGS, PYTHON"

# --- environment -----------------------------------------------------------

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else "Factbook needs Python 3.11 or 3.12, not " + sys.version.split()[0] + ": run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

# Reinstalls only when pyproject.toml or constraints.txt is newer than the stamp.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(STAMP)

# --- running ---------------------------------------------------------------

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

import: migrate
	$(PY) manage.py import_articles

run: import
	$(PY) manage.py runserver $(HOST):$(PORT)

superuser: migrate
	$(PY) manage.py createsuperuser

# --- testing ---------------------------------------------------------------

# Runs pytest; exit status 5 (no tests collected) is a failure like any other non-zero status.
define run_pytest
	@echo "+ $(1) $(PY) -m pytest $(PYTEST_ARGS)"
	@rc=0; $(1) $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "*** pytest collected no tests ($(2)): failing." >&2; fi; \
	if [ $$rc -ne 0 ]; then echo "*** pytest failed on $(2) (exit $$rc)." >&2; exit $$rc; fi
endef

check: $(STAMP)
	env -u DATABASE_URL $(PY) manage.py check
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run

test-sqlite: $(STAMP)
	@echo "=== pytest on SQLite ==="
	$(call run_pytest,env -u DATABASE_URL,SQLite)

test-postgres: $(STAMP)
	bash scripts/ensure-postgres
	@echo "=== pytest on PostgreSQL ($(PG_TEST_URL)) ==="
	$(call run_pytest,DATABASE_URL='$(PG_TEST_URL)',PostgreSQL)

# Sequential on purpose (even under make -j); the PostgreSQL server is checked first so that
# a missing one fails before anything else runs.
test: $(STAMP)
	bash scripts/ensure-postgres
	@echo "=== manage.py check / makemigrations --check ==="
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory test-sqlite
	@$(MAKE) --no-print-directory test-postgres
	@echo "=== make test: all passed on SQLite and PostgreSQL ==="

# --- maintenance -----------------------------------------------------------

constraints:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet -e '.[dev]'
	{ sed -n '/^# Exact/,/^$$/p' constraints.txt; $(VENV)-lock/bin/pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(VENV)-lock
	@echo "constraints.txt regenerated; review with git diff constraints.txt"

clean:
	rm -rf $(VENV) $(VENV)-lock staticfiles .pytest_cache build *.egg-info test-artifacts
	rm -f factbook.sqlite3 factbook.sqlite3-journal factbook.sqlite3-wal factbook.sqlite3-shm
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
