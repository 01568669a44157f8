# planwatch: `make demo` runs the scorecard on the built-in Beijing plan; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	PLANWATCH_DATABASE_URL=sqlite:///out/demo.sqlite $(BIN)/planwatch status beijing-istic-2025
	PLANWATCH_DATABASE_URL=sqlite:///out/demo.sqlite $(BIN)/planwatch report beijing-istic-2025 -o out/beijing-istic-2025.html

test: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(DEVSTAMP)
	$(BIN)/python benchmarks/assess_scale.py

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
