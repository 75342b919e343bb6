"""`nbgrader validate` as a student runs it (the top-level nbgrader_config.py): a summary of
the failing tests first, naming their exercises; a solved notebook passes."""
from __future__ import annotations

import os
import subprocess

import nbformat
import pytest
from rnncourse.validate import exercise_of as validate_exercise_of

from grading import REPO
from grading.authoring import submissions
from grading.anatomy import answer_ids, exercise_of, read, scored_cells
from grading.instructor.nbgrader_run import BIN, nbgrader_env

ASSIGNMENT = "01_sequential_data"


def test_validate_and_the_reports_map_tests_to_exercises_alike():
    nb = read(REPO / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    exercises = answer_ids(nb)
    for test_id in scored_cells(nb):
        assert validate_exercise_of(test_id, exercises) == exercise_of(test_id, exercises)


def nbgrader_validate(nb, tmp_path) -> str:
    path = tmp_path / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nb, str(path))
    env = nbgrader_env()
    env.pop("RNNCOURSE_GRADING_ROOT", None)
    env.setdefault("PYTHONPATH", os.pathsep.join(p for p in (str(REPO / "lib"), env.get("PYTHONPATH")) if p))
    proc = subprocess.run([str(BIN / "nbgrader"), "validate", str(path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


@pytest.mark.slow
def test_validate_on_the_blank_release_starts_with_the_failing_exercises(tmp_path):
    blank = submissions.blank(ASSIGNMENT)
    tests = scored_cells(read(REPO / "course" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"))
    out = nbgrader_validate(blank, tmp_path)
    first = out.splitlines()[0]
    assert first.startswith(f"{len(tests)} of {len(tests)} tests fail: q1, make_windows, "
                            "chronological_split, q2, standardize"), out[:2000]
    assert "- test_make_windows_next_value (make_windows): NotImplementedError: not implemented yet" in out
    assert "testing.py" not in out and "skipping hidden" not in out, "helper frames in a traceback"


@pytest.mark.slow
def test_validate_on_a_solved_notebook_passes(tmp_path):
    out = nbgrader_validate(submissions.filled(ASSIGNMENT), tmp_path)
    assert out.startswith("Success! Your notebook passes all the tests."), out[:2000]
