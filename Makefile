# The reader's commands. `make serve` and `make test` install what they need first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build check anchors test test-fast lint system pdf bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

## node_modules: the npm packages of the checks (axe-core, the Nu HTML Checker, Lighthouse) and of
##   tools/region_shapes.mjs (world-atlas, topojson-client, d3-geo), exactly
##   as package-lock.json pins them; install scripts are not run (vnu-jar's would fetch a Java)
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

## serve: the site at http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 SITE_PDF=0 SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload

## build: the whole site, strictly, into site/
build: $(STAMP) system
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## check: validate the content in seconds, without building the site
check: $(STAMP)
	$(BIN)/python hooks/cli.py check

## anchors: add newly published excerpt ids to docs/data/anchors.txt, then check
anchors: $(STAMP)
	$(BIN)/python hooks/cli.py anchors

## system: Debian's packages the site and its tests need (once; needs root or sudo):
##   Chromium for the browser tests, Pango for the PDFs, poppler-utils to inspect them, Java for
##   the Nu HTML Checker
## biber checks the BibTeX files against biblatex's data model (`biber --validate-datamodel`);
##   installed without its recommends (TeX Live): about 10 MB instead of 150 MB
SYSTEM_PACKAGES_LEAN := biber
SYSTEM_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 poppler-utils default-jre-headless
system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@missing=$$(for p in $(SYSTEM_PACKAGES_LEAN); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends $$missing; \
	fi
	@# npm for the checks' packages: the machine's Node.js where it has one, else Debian's
	@if ! command -v npm >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; \
	fi

## pdf: the PDFs of every paper page and packet, into an already built site/
pdf: $(STAMP)
	$(BIN)/python hooks/cli.py pdf site

## bench: build, PDF and check costs as ratios measured in one run, into bench.json
bench: $(STAMP) system $(NODE_STAMP)
	$(BIN)/python hooks/cli.py bench

## lint: ruff, and mypy's type checks, on the hooks, tools and tests
lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench tools
	$(BIN)/mypy
	$(BIN)/mypy tools
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-actions .github/actions/*/action.yml

## test: every test, browser tests included
test: $(STAMP) system $(NODE_STAMP)
	$(MAKE) lint
	$(BIN)/python hooks/cli.py check
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -q -n auto --dist load

## test-fast: the unit tests only (no site build, no browser, no PDF), in seconds
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m unit

clean:
	rm -rf site .pytest_cache .mypy_cache bench.json
