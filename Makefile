# hoptac: `make run` builds every dataset, `make test` runs the tests. Both set up .venv first.
DATA_DIR ?= data
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DATA_DIR
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: run test dev lint bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hoptac build

test: $(STAMP)
	$(BIN)/pytest -q

dev: $(STAMP)
	mkdir -p $(DAGSTER_HOME)
	test -f $(DAGSTER_HOME)/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $(DAGSTER_HOME)/dagster.yaml
	VIRTUAL_ENV=$(CURDIR)/$(VENV) PATH=$(CURDIR)/$(BIN):$$PATH dg dev --host 127.0.0.1 --port 3000

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests scripts

# the built outputs: silver's hive-partitioned tables, gold's files and per-batch parts (not bronze;
# `.gitkeep` stays). The Dagster instance keeps its history; a build after `clean` rebuilds every batch.
clean:
	test -n "$(DATA_DIR)"
	rm -rf $(DATA_DIR)/silver/* $(DATA_DIR)/gold/*
