# The reader's commands. `make serve` and `make test` install what they need first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build check test lint browser clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

## serve: the site at http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 SITE_PDF=0 $(BIN)/mkdocs serve --livereload

## build: the whole site, strictly, into site/
build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## check: validate the content in seconds, without building the site
check: $(STAMP)
	$(BIN)/python hooks/check.py

## browser: Debian's Chromium for the browser tests (installed once, needs root or sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

## lint: ruff on the hooks and tests
lint: $(STAMP)
	$(BIN)/ruff check hooks tests

## test: every test, browser tests included
test: $(STAMP) browser
	$(BIN)/ruff check hooks tests
	$(BIN)/python hooks/check.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -q

clean:
	rm -rf site .pytest_cache
