# One task runner, equal to CI: `.ci/run` calls `make test`.
# Every target creates the virtual environment when it is missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RASD   := $(VENV)/bin/rasd
STAMP  := $(VENV)/.installed-stamp
DEMO_DB := out/demo.duckdb

.PHONY: demo test bench eval lint clean venv indexes

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## demo: set up, ingest the bundled examples into a fresh database, print the events found
demo: $(STAMP)
	@mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB).wal
	@while IFS="$$(printf '\t')" read -r file day; do \
	  case "$$file" in ''|'#'*) continue;; esac; \
	  $(RASD) ingest "examples/$$file" --published "$$day" --db $(DEMO_DB) --no-progress >/dev/null || exit 1; \
	done < examples/published.tsv
	$(RASD) ingest examples/ --db $(DEMO_DB) --no-progress
	$(RASD) events --db $(DEMO_DB)

## test: set up and run the test suite (tests that need ../shared skip when it is absent)
test: $(STAMP)
	$(PY) -m pytest

## bench: throughput, memory, start-up and accuracy figures -> bench/results.json and bench/results.md
bench: $(STAMP)
	$(PY) bench/run.py

## eval: the extraction quality gate (pinned floors; skipped when ../shared is absent)
eval: $(STAMP)
	$(PY) bench/eval_gate.py

## indexes: rebuild the precompiled resources (the actor index) after editing actor, nationality or country data
indexes: $(STAMP)
	$(PY) scripts/build_indexes.py

lint: $(STAMP)
	$(PY) -m pip install --quiet ruff==0.17.6 && $(VENV)/bin/ruff check rasd tests bench scripts --select E,F,W,B --ignore E501,B905

clean:
	rm -rf out .pytest_cache
