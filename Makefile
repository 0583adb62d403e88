# make report : set up (first time) and run the main job on seeds/ -> outputs/seeds/latest/
# make test   : set up (first time) and run lint, format check and the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# numba's compiled UMAP and duplicate-detection code, made once at set-up in the cache folder the runs use
NUMBA  := $(or $(TOOLKIT_OUTPUTS),outputs)/.cache/numba
COMPILED := $(NUMBA)/.compiled-ahead

.PHONY: setup browser report test lint bench notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

# compile UMAP, pynndescent and dedup's loops into numba's cache now (about a minute, once), not in the first run
$(COMPILED): $(STAMP)
	$(BIN)/python -c 'from toolkit.run import set_up; set_up()'
	touch $@

setup: $(STAMP) $(COMPILED)

# the report test drives headless Chromium; install Debian's where we can (root with apt-get)
browser:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	    else echo "note: Chromium not found; the report browser test will be skipped"; fi; }

report: setup
	$(BIN)/toolkit run params/seeds.yaml

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint browser
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_dedup.py eval
	$(BIN)/python benchmarks/bench_dedup.py speed --sizes 10000 100000
	$(BIN)/python benchmarks/bench_engine.py --sizes 10000 100000

# after editing a notebook's .py source (or its .ipynb in JupyterLab), bring the pair in step
notebooks: setup
	$(BIN)/jupytext --sync notebooks/*.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
