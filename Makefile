# make report : set up (first time) and run the main job on seeds/ -> outputs/seeds/
# make test   : set up (first time) and run lint, format check and the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup report test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

report: setup
	$(BIN)/toolkit ingest seeds -o outputs/seeds/corpus.parquet

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
