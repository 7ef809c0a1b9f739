# unionplan — the two commands of the quick start are `make run` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on both cores; set PYTEST_WORKERS=0 to run them in one process.
PYTEST_WORKERS ?= 2

.PHONY: install run test test-fast lint format bench messages lock clean

## Install with every transitive dependency at the version in constraints.txt
$(BIN)/.installed: pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]' -c constraints.txt
	touch $@

install: $(BIN)/.installed

## Set everything up (venv, database, demo data) and serve http://$(HOST):$(PORT),
## with the background worker beside the server: Ctrl+C (or the server's end) stops both
run: install
	$(BIN)/unionplan migrate --noinput
	$(BIN)/unionplan collectstatic --noinput --verbosity 0
	$(BIN)/unionplan demo
	$(BIN)/unionplan worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/unionplan serve --host $(HOST) --port $(PORT)

## Every test: unit, database, command line and browser
test: install
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

## Everything but the browser tests
test-fast: install
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile -m "not e2e"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Benchmarks: figures and ratios, latest ones kept in bench/README.md
bench: install
	$(BIN)/python bench/run.py

## Update the English catalogue unionplan/locale/en (one for the whole project) from the
## Chinese msgids, then compile it; commit both django.po and django.mo (needs gettext)
MESSAGE_IGNORE := --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'var/*' \
	--ignore 'build/*' --ignore '*.egg-info/*' --ignore 'unionplan/static/*'
messages: install
	$(BIN)/python manage.py makemessages -l en --no-location --no-obsolete $(MESSAGE_IGNORE)
	$(BIN)/python manage.py compilemessages -l en --ignore .venv --ignore build --ignore var

## Re-pin constraints.txt from pyproject.toml (for every platform and Python 3.11+)
lock: install
	$(BIN)/pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--quiet --no-header -o constraints.txt.new
	{ echo "# Every dependency, direct and transitive, pinned: make install installs with -c constraints.txt."; \
	  echo "# Regenerate after changing pyproject.toml with: make lock"; cat constraints.txt.new; } > constraints.txt
	rm constraints.txt.new

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
