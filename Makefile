# Two commands for a newcomer: `make run` serves the product, `make test` tests it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Install, migrate, create a demo admin if there is none, and serve on port 8000.
run: $(VENV)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo_admin
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (on PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set).
test: $(VENV)/.installed
	$(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --no-input

## Refresh the French and Italian catalogues after changing strings (needs gettext).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l fr -l it --ignore=$(VENV) --ignore=tests
	$(PY) manage.py compilemessages --ignore=$(VENV)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
