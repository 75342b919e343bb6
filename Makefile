# rnncourse: every command. `make lab` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_PARALLEL_ARGS ?= --repeat 2
export PATH := $(abspath $(BIN)):$(PATH)
export TF_CPP_MIN_LOG_LEVEL := 3

.PHONY: help lab test test-suite test-notebooks test-implementations test-kernels test-fast release autograde feedback grades report bench check clean install

## List the targets, one line each.
help:
	@awk '/^## /{doc = doc ? doc " " substr($$0, 4) : substr($$0, 4); next} \
	  /^[a-z-]+:/{if (doc) printf "  make %-10s %s\n", substr($$1, 1, length($$1) - 1), doc; doc = ""; next} \
	  {doc = ""}' $(MAKEFILE_LIST)

## Create .venv and install the pinned packages (make lab and make test do it when needed).
install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/jupyter labextension list 2>&1 | grep -q nbgrader || echo "warning: nbgrader's JupyterLab extension is missing"
	touch $(STAMP)

## Open JupyterLab on your work/ copy of course/ (made on first use, never overwritten), with Validate.
lab: $(STAMP)
	$(BIN)/python tools/work_copy.py course work
	JUPYTER_CONFIG_PATH=$(CURDIR)/lab$(if $(JUPYTER_CONFIG_PATH),:$(JUPYTER_CONFIG_PATH)) \
	  $(BIN)/jupyter lab --ServerApp.root_dir=work \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

IMPLEMENTATIONS = autograde/tests/test_wrong_implementations.py autograde/tests/test_right_implementations.py

## Everything CI checks, in two lanes side by side: test-suite; test-notebooks then
## test-implementations (one kernel each). Each lane is reported when it ends.
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-suite test-kernels

## Library tests, release, real nbgrader grading, hostile submissions, Dask, browser.
test-suite: $(STAMP)
	$(BIN)/python -m pytest lib/tests tools autograde/tests $(IMPLEMENTATIONS:%=--ignore=%) $(PYTEST_ARGS)

## Every solution notebook runs as a student runs it (nbval).
test-notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval-lax -p no:cacheprovider solutions/ $(PYTEST_ARGS)

## Every wrong and right implementation, swapped into one solution kernel per notebook.
test-implementations: $(STAMP)
	$(BIN)/python -m pytest $(IMPLEMENTATIONS) $(PYTEST_ARGS)

## test-notebooks, then test-implementations: make test's second lane.
test-kernels: $(STAMP)
	@$(MAKE) --no-print-directory test-notebooks
	@$(MAKE) --no-print-directory test-implementations

## Library unit tests and release checks only (seconds).
test-fast: $(STAMP)
	$(BIN)/python -m pytest lib/tests tools autograde/tests -m "not slow" $(PYTEST_ARGS)

## Regenerate course/ from solutions/; refuses to overwrite uncommitted changes unless FORCE=1.
release: $(STAMP)
	$(BIN)/python autograde/grading/instructor/pipeline.py release $(if $(filter 1,$(FORCE)),--force)

## Grade every submission in classroom/submitted/<student>/<assignment>/ as a Dask job: a local
## cluster, one worker per core (AUTOGRADE_ARGS="--workers 4"), or the workers of an existing
## scheduler (AUTOGRADE_ARGS="--scheduler tcp://host:8786"); "--student NAME" or "--changed".
autograde: $(STAMP)
	RNNCOURSE_UNSANDBOXED=$(UNSANDBOXED) $(BIN)/python autograde/grading/instructor/pipeline.py autograde $(AUTOGRADE_ARGS)

## HTML feedback in classroom/feedback/<student>/<assignment>/, and an index of every submission.
feedback: $(STAMP)
	$(BIN)/python autograde/grading/instructor/pipeline.py feedback

## classroom/grades.csv (one row per student and assignment, with a status) and the exercise report.
grades: $(STAMP)
	$(BIN)/python autograde/grading/instructor/pipeline.py grades

## Print the gradebook: make report WHAT=summary | exercises | report (default summary).
report: $(STAMP)
	$(BIN)/python autograde/grading/instructor/report.py $(WHAT)

## Seconds and peak memory per notebook and per graded submission; then sequential nbgrader
## against the local Dask cluster on 40 submissions (seconds, per submission, ratio, same scores).
bench: $(STAMP)
	$(BIN)/python autograde/grading/authoring/bench.py $(BENCH_ARGS)
	$(BIN)/python autograde/grading/authoring/bench_parallel.py $(BENCH_PARALLEL_ARGS)

## Check one assignment end to end while writing it: make check NB=02_rnn_forward (or NB=02)
check: $(STAMP)
	@test -n "$(NB)" || { echo "make check: say which notebook, e.g. make check NB=02_rnn_forward"; exit 2; }
	$(BIN)/python autograde/grading/authoring/check_notebook.py $(NB) $(CHECK_ARGS)

## Delete the grading runtime data (never work/, your answers) and caches.
clean:
	rm -rf classroom artifacts .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +
