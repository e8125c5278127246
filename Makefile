# One task runner for people, CI and the deploy workflow alike.
#   make site   - validate data/ and build the site into site/
#   make test   - run every test (needs Chromium: see README)
#   make test-fast - the tests that need no site build and no browser (seconds)
#   make bench, make bench-pages - print build timings / Lighthouse figures
# Each target creates .venv and installs the locked versions itself.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: site test test-fast validate docs serve bench bench-pages bench-import bench-tests import-bls release changes lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

site: $(STAMP)
	$(BIN)/aimlpay build

validate: $(STAMP)
	$(BIN)/aimlpay validate

# The W3C Nu HTML Checker the tests run over every page type (pinned in
# tests/tools/package-lock.json; installed once, again when the lock changes).
VNU_STAMP := tests/tools/node_modules/.installed

$(VNU_STAMP): tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --silent
	touch $@

# A Chromium for the browser tests: the machine's, else Playwright's own (installed here);
# else one line that says what to install (tests/browser_path.py).
test: $(STAMP) $(VNU_STAMP)
	@$(BIN)/python tests/browser_path.py >/dev/null
	$(BIN)/python -m pytest

# The fast layer: unit, data and validation tests; no build of the whole site, no browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not build and not browser"

docs: $(STAMP)
	$(BIN)/aimlpay docs

serve: $(STAMP)
	$(BIN)/aimlpay serve

bench: $(STAMP)
	$(BIN)/python benchmarks/build_time.py

# Lighthouse scores of one page per type, on the site just built (Lighthouse pinned in
# benchmarks/package-lock.json; installed once, again when the lock changes).
LIGHTHOUSE_STAMP := benchmarks/node_modules/.installed

$(LIGHTHOUSE_STAMP): benchmarks/package-lock.json
	npm ci --prefix benchmarks --no-audit --no-fund
	touch $@

bench-pages: $(LIGHTHOUSE_STAMP) site
	$(BIN)/python benchmarks/page_speed.py

bench-import: $(STAMP)
	$(BIN)/python benchmarks/import_memory.py

# How long each layer of the test suite takes (run it on an idle machine).
bench-tests: $(STAMP) $(VNU_STAMP)
	@$(BIN)/python tests/browser_path.py >/dev/null
	$(BIN)/python benchmarks/test_time.py

# Import a BLS OEWS release: make import-bls DIR=path/to/flat/files
import-bls: $(STAMP)
	@test -n "$(DIR)" || { echo "usage: make import-bls DIR=folder-with-oe-files"; exit 2; }
	$(BIN)/aimlpay import-bls "$(DIR)"

# Cut a release of data/: make release VERSION=2026.2 SUMMARY="What it brings."
# (or SUMMARY_FILE=notes.txt). Snapshots the tables, records it in data/releases.yml.
release: export AIMLPAY_SUMMARY = $(SUMMARY)
release: $(STAMP)
	@test -n "$(VERSION)" -a -n "$(SUMMARY)$(SUMMARY_FILE)" || { echo 'usage: make release VERSION=2026.2 SUMMARY="What it brings." (or SUMMARY_FILE=file)'; exit 2; }
	$(BIN)/aimlpay release "$(VERSION)" $(if $(SUMMARY_FILE),--summary-file "$(SUMMARY_FILE)",--summary "$$AIMLPAY_SUMMARY")

# What data/ changes against the newest release, as Markdown (the pull request summary).
changes: $(STAMP)
	@$(BIN)/aimlpay changes --markdown

# Re-resolve the lock from pyproject.toml's dependencies (run by a maintainer, not by CI).
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet ".[test]"
	( echo "# Exact versions of every package the build and the tests use (direct and transitive)."; \
	  echo "# make installs from this file, so a build next year gives the same site."; \
	  echo "# Regenerate: make lock"; \
	  .lockvenv/bin/python -m pip freeze --exclude-editable | grep -v '^aimlpay' ) > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf build site site.new site.old .cache
