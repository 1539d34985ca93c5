# Scrutiny: `make run` serves the West Mercia demo at http://127.0.0.1:8000; `make test` runs the suite.
# Each target installs what it needs (Debian packages, the virtual environment, npm packages) first.

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 3
PG_URL ?= postgres://postgres@127.0.0.1:5432/scrutiny
export DJANGO_SETTINGS_MODULE ?= config.settings.local

# Debian packages: the Python toolchain, Node for GOV.UK Frontend, and the libraries WeasyPrint uses.
DEBIAN_RUN := python3-venv node:nodejs npm:npm libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation
# Tests add the browser (never a downloaded one) and the PDF tools.
DEBIAN_TEST := chromium poppler-utils pg_dump:postgresql-client
DEBIAN_BENCH := wrk

.PHONY: run test install install-dev debian debian-test lint bench worker stop clean lock

debian:
	@scripts/ensure-debian-packages $(DEBIAN_RUN)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend/build/scrutiny.css: frontend/scss/scrutiny.scss node_modules/.installed
	npm run -s build

.env:
	@echo "DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote .env with a new secret key."

install: debian $(VENV)/.installed frontend/build/scrutiny.css .env

install-dev: install $(VENV)/.installed-dev
	@scripts/ensure-debian-packages $(DEBIAN_TEST)

var:
	mkdir -p var

run: install var
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py load_demo_data --build-pack
	@$(MAKE) -s stop
	@$(BIN)/python manage.py db_worker > var/worker.log 2>&1 & echo $$! > var/worker.pid
	@scripts/periodic-jobs > var/periodic.log 2>&1 & echo $$! > var/periodic.pid
	@echo ""
	@echo "  Scrutiny is running at http://$(HOST):$(PORT)/  (West Mercia demo: http://$(HOST):$(PORT)/west-mercia/)"
	@echo "  Staff sign-in: http://$(HOST):$(PORT)/account/login/  user: demo-officer  password: $$($(BIN)/python manage.py demo_password)"
	@echo "  Background worker log: var/worker.log; periodic jobs (reminders, erasure): var/periodic.log."
	@echo "  Stop with Ctrl-C."
	@echo ""
	DJANGO_SETTINGS_MODULE=config.settings.local $(BIN)/gunicorn config.wsgi:application \
		--bind $(HOST):$(PORT) --workers $(WEB_WORKERS) --access-logfile - ; \
		status=$$?; $(MAKE) -s stop; exit $$status

stop:
	@for job in worker periodic; do \
		if [ -f var/$$job.pid ]; then kill $$(cat var/$$job.pid) 2>/dev/null || true; rm -f var/$$job.pid; fi; \
	done

worker: install
	$(BIN)/python manage.py db_worker

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs twice: everything but the browser and slow tests on SQLite, then everything on PostgreSQL.
test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -q -m "not slow and not browser" -p no:cacheprovider
	DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -p no:cacheprovider

bench: install-dev
	@scripts/ensure-debian-packages $(DEBIAN_BENCH)
	DATABASE_URL=$(PG_URL)_bench $(BIN)/python -m bench

lock: | $(BIN)/python
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile -q --strip-extras -o requirements-dev.txt requirements-dev.in

clean: stop
	rm -rf $(VENV) node_modules frontend/build staticfiles var
