# rnncourse: every command. `make lab` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_PARALLEL_ARGS ?= --repeat 2
export PATH := $(abspath $(BIN)):$(PATH)
export TF_CPP_MIN_LOG_LEVEL := 3

.PHONY: lab test test-fast release autograde feedback grades bench check clean install

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/jupyter labextension list 2>&1 | grep -q nbgrader || echo "warning: nbgrader's JupyterLab extension is missing"
	touch $(STAMP)

## Open JupyterLab on the student release (course/), with nbgrader's Validate button.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=course $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## Everything CI checks: library tests, notebooks execute, release, grading, wrong submissions.
test: $(STAMP)
	$(BIN)/python -m pytest lib/tests tools autograde/tests $(PYTEST_ARGS)
	$(BIN)/python -m pytest --nbval-lax -p no:cacheprovider solutions/ $(PYTEST_ARGS)

## Library unit tests and release checks only (seconds).
test-fast: $(STAMP)
	$(BIN)/python -m pytest lib/tests tools autograde/tests -m "not slow" $(PYTEST_ARGS)

## Regenerate course/ from solutions/ (the only way course/ changes).
release: $(STAMP)
	$(BIN)/python autograde/pipeline.py release

## Grade every submission in autograde/submitted/<student>/<assignment>/ as a Dask job: a local
## cluster, one worker per core (AUTOGRADE_ARGS="--workers 4"), or the workers of an existing
## scheduler on any number of machines (AUTOGRADE_ARGS="--scheduler tcp://host:8786").
autograde: $(STAMP)
	RNNCOURSE_UNSANDBOXED=$(UNSANDBOXED) $(BIN)/python autograde/pipeline.py autograde $(AUTOGRADE_ARGS)

## HTML feedback in autograde/feedback/<student>/<assignment>/.
feedback: $(STAMP)
	$(BIN)/python autograde/pipeline.py feedback

## autograde/grades.csv: one row per student and assignment.
grades: $(STAMP)
	$(BIN)/python autograde/pipeline.py grades

## Seconds and peak memory per notebook and per graded submission; then sequential nbgrader
## against the local Dask cluster on 40 submissions (seconds, per submission, ratio, same scores).
bench: $(STAMP)
	$(BIN)/python autograde/bench.py $(BENCH_ARGS)
	$(BIN)/python autograde/bench_parallel.py $(BENCH_PARALLEL_ARGS)

## Check one assignment end to end while writing it: make check NB=02_rnn_forward
check: $(STAMP)
	$(BIN)/python autograde/check_notebook.py $(NB) $(CHECK_ARGS)

clean:
	rm -rf autograde/submitted autograde/autograded autograde/feedback autograde/gradebook.db \
	  autograde/grades.csv autograde/.nbgrader.log .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +
