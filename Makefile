# The README's two commands are `make example` and `make test`; both set up .venv/ first.
VENV := .venv
NB := $(VENV)/bin/newsbrief
EXAMPLE := examples/putin-kim-visit.txt

.PHONY: setup setup-dev example test lint bench

setup:
	scripts/setup

setup-dev:
	scripts/setup dev bench browser

example: setup
	$(NB) analyze $(EXAMPLE) --published 2024-06-18 --format markdown

test: setup-dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/pytest -q

lint:
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

bench: setup-dev
	$(VENV)/bin/python bench/run.py
