# MedLLM Atlas. Every target sets itself up on a fresh machine (Python >= 3.11, Debian).
# `make help` lists the targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
CONSTRAINTS := requirements/constraints.txt
SITE_STAMP  := $(VENV)/.site-installed
TEST_STAMP  := $(VENV)/.test-installed
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
HOST ?= 127.0.0.1:8000

.PHONY: help install hooks serve build offline release validate fmt schema test lint bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

$(SITE_STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --quiet --upgrade pip
	$(PY) -m pip install --quiet --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(TEST_STAMP): $(SITE_STAMP)
	$(PY) -m pip install --quiet --quiet -c $(CONSTRAINTS) -e '.[test]'
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }
	@touch $@

install: $(SITE_STAMP) ## Create .venv with the pinned dependencies

hooks: $(SITE_STAMP) ## Install the git pre-commit hooks (ruff, atlas fmt, atlas validate)
	$(PY) -m pip install --quiet --quiet -c $(CONSTRAINTS) -e '.[test,dev]'
	$(BIN)/pre-commit install

serve: $(SITE_STAMP) ## Build the site and serve it at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dirty -a $(HOST)

build: $(SITE_STAMP) ## Build the publishable site into site/ (with the offline zip); never half-built
	rm -rf build/site.tmp
	ATLAS_PUBLISH=1 $(BIN)/mkdocs build --strict -d build/site.tmp
	$(MAKE) --no-print-directory offline
	mkdir -p build/site.tmp/downloads && cp dist/medllm-atlas-offline.zip build/site.tmp/downloads/
	rm -rf site && mv build/site.tmp site
	@echo "site/ is ready"

offline: $(SITE_STAMP) ## Build the offline copy and zip it into dist/
	rm -rf build/offline
	OFFLINE=true $(BIN)/mkdocs build --strict -d build/offline
	$(BIN)/atlas zip build/offline dist/medllm-atlas-offline.zip

release: $(SITE_STAMP) ## Write the citable bundle dist/medllm-atlas-data-$(VERSION).zip (VERSION=x.y.z)
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=x.y.z"; exit 2; }
	$(BIN)/atlas release $(VERSION)

validate: $(SITE_STAMP) ## Check every data file (file:line:col messages)
	$(BIN)/atlas validate --fail-on-warnings

fmt: $(SITE_STAMP) ## Rewrite data files in canonical key and list order
	$(BIN)/atlas fmt

schema: $(SITE_STAMP) ## Regenerate schemas/*.schema.json from the Python models
	$(BIN)/atlas schema

lint: $(TEST_STAMP) ## Ruff lint and format check
	$(BIN)/ruff check macros tests bench
	$(BIN)/ruff format --check macros tests bench

test: $(TEST_STAMP) ## Install what the tests need, then run lint and the whole suite
	$(BIN)/ruff check macros tests bench
	$(BIN)/ruff format --check macros tests bench
	$(BIN)/pytest -n 2 --dist loadgroup

bench: $(SITE_STAMP) ## Run the build benchmark (N = 300, 1000, 5000) and update bench/README.md
	$(PY) bench/run.py --sizes 300 1000 5000 --write bench/README.md
	$(PY) bench/validate_file.py --write bench/README.md
	$(PY) bench/scan.py --write bench/README.md
	$(PY) bench/weight.py --write bench/README.md

clean: ## Remove build outputs (keeps .venv)
	rm -rf site build dist .pytest_cache
