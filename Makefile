# Two entry points, both start from nothing but Python 3.11, pip, venv and make:
#   make run    set up .venv and show the seed article's timeline
#   make test   the same, plus the test tools and the distributed extra (Dask, pyarrow); lint and run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench man clean

$(BIN)/timeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet .
	touch $@

$(VENV)/.test-tools: $(BIN)/timeline
	$(BIN)/python -m pip install --quiet -e '.[test,distributed]'
	touch $@

run: $(BIN)/timeline
	$(BIN)/timeline

test: $(VENV)/.test-tools
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(BIN)/timeline
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run_all.py

man: $(BIN)/timeline
	$(BIN)/timeline man --write man/

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
