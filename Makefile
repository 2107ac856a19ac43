# Everyday commands. PYTHON picks the environment: make test PYTHON=/work/venv-6/bin/python
PYTHON ?= python

.PHONY: test lint bench

test:
	$(PYTHON) -m pytest -q

lint:
	$(PYTHON) -m ruff check src tests benchmarks scripts
	$(PYTHON) -m ruff format --check src tests benchmarks scripts
	$(PYTHON) -m mypy

# The performance goals, measured side by side (several minutes; see README, Performance).
bench:
	$(PYTHON) benchmarks/bench.py
