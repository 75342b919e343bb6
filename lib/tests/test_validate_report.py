"""Validate's readable report (rnncourse.validate) and tracebacks without helper frames."""
from __future__ import annotations

import sys

import nbformat
import numpy as np
import pytest

from rnncourse import notebook, validate
from rnncourse import testing as T


def cell(kind, grade_id, source="", outputs=(), solution=False, grade=False):
    c = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    c.metadata["nbgrader"] = {"grade_id": grade_id, "solution": solution, "grade": grade,
                              "locked": not solution, "schema_version": 3,
                              **({"points": 1} if grade else {})}
    if kind == "code":
        c.outputs = list(outputs)
    return c


def error(ename, evalue):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=["..."])


def executed_notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        cell("code", "make_windows", solution=True), cell("code", "q1", solution=True),
        cell("code", "test_make_windows_shape", outputs=[error("NotImplementedError", "")], grade=True),
        cell("code", "test_make_windows_values", outputs=[error(
            "AssertionError", "[make_windows] X has shape (3,), expected (3, 2)\n  a\n  b\n  c")], grade=True),
        cell("code", "test_q1", grade=True),
        cell("code", "test_style", outputs=[nbformat.v4.new_output(
            "stream", name="stderr", text="RuntimeWarning: overflow\nmore")], grade=True),
    ]
    return nb


def test_summary_counts_failing_tests_and_names_their_exercises():
    nb = executed_notebook()
    failed = [nb.cells[2], nb.cells[3], nb.cells[5]]
    text = validate.summary(nb, failed)
    lines = text.splitlines()
    assert lines[0] == "3 of 4 tests fail: make_windows, test_style"
    assert lines[1] == "- test_make_windows_shape (make_windows): NotImplementedError: not implemented yet"
    assert lines[2:4] == ["- test_make_windows_values (make_windows): AssertionError: [make_windows] X has shape (3,),",
                          "      expected (3, 2)"]  # folded to the dialog's width
    assert lines[4:6] == ["      a", "      b ..."]  # at most three lines of a message
    assert "- test_style: wrote to stderr (a graded cell must not): RuntimeWarning: overflow" in lines
    assert lines[-2].startswith("(not implemented yet: the exercise still raises NotImplementedError")
    assert max(map(len, lines)) <= validate.WIDTH


def test_summary_prefers_the_longest_exercise_name():
    assert validate.exercise_of("test_rnn_cell_forward_keras", ["rnn_forward", "rnn_cell_forward"]) \
        == "rnn_cell_forward"
    assert validate.exercise_of("test_softmaxy", ["softmax"]) is None


def test_readable_validator_replaces_nbgrader_validator_where_it_is_created():
    from nbgrader.apps import validateapp
    from nbgrader.server_extensions.validate_assignment import handlers
    before = validateapp.Validator, handlers.Validator
    try:
        changed = validate.use_readable_validator()
        assert validateapp.Validator is validate.ReadableValidator
        assert handlers.Validator is validate.ReadableValidator
        assert set(changed) == set(validate.VALIDATOR_USERS)
    finally:
        validateapp.Validator, handlers.Validator = before


def failing_assertion():
    try:
        T.assert_close("f", np.zeros(3), np.ones(3))
    except AssertionError:
        return sys.exc_info()[2]
    pytest.fail("assert_close did not fail")


def test_traceback_ends_at_the_line_that_called_the_helper():
    tb = notebook.without_hidden_frames(failing_assertion())
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert names == ["failing_assertion"]


def test_student_frames_below_a_helper_are_kept_and_the_helper_left_out():
    def student(x):
        raise ValueError("student bug")
    try:
        T.call_not_mutating("f", student, np.zeros(2))
    except ValueError:
        tb = notebook.without_hidden_frames(sys.exc_info()[2])
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert names == ["test_student_frames_below_a_helper_are_kept_and_the_helper_left_out", "student"]


def test_kernel_tracebacks_hide_the_helpers_after_setup():
    from nbclient import NotebookClient
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from rnncourse.notebook import setup\nsetup()\n"
                                          "import numpy as np\nfrom rnncourse import testing as T"),
                nbformat.v4.new_code_cell("T.assert_close('f', np.zeros(3), np.ones(3))"),
                nbformat.v4.new_code_cell("T.assert_raises('g', ValueError, lambda: 1 / 0)"),
                nbformat.v4.new_code_cell("def student(x):\n    raise ValueError('bug')\n"
                                          "T.call_not_mutating('h', student, np.zeros(2))")]
    NotebookClient(nb, allow_errors=True, kernel_name="python3", timeout=120).execute()
    for c in nb.cells[1:]:
        err = next(o for o in c.outputs if o.output_type == "error")
        text = "\n".join(err.traceback)
        assert "testing.py" not in text, text
        assert "skipping hidden" not in text and "During handling" not in text, text
    assert "should raise ValueError, but raised ZeroDivisionError: division by zero" in \
        nb.cells[2].outputs[-1].evalue
    student_tb = validate.ANSI.sub("", "\n".join(nb.cells[3].outputs[-1].traceback))
    assert "raise ValueError('bug')" in student_tb  # the student's line is shown
