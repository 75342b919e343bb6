"""Unit tests of the grading steps themselves."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from grading.anatomy import ReachedTests, cell_failed, exercise_of, exercises_feeding_tests, is_question
from grading.authoring.kernel import load_mutant
from grading.authoring.submissions import strip_markers


def test_exercise_of_prefers_the_longest_matching_exercise():
    exercises = ["rnn_forward", "rnn_cell_forward", "softmax", "q1"]
    assert exercise_of("test_rnn_forward_shapes", exercises) == "rnn_forward"
    assert exercise_of("test_rnn_cell_forward_keras", exercises) == "rnn_cell_forward"
    assert exercise_of("test_q1", exercises) == "q1"
    assert exercise_of("test_softmaxy", exercises) is None


def _notebook(*cells):
    """A notebook of ``("answer" | "test" | "code", grade id or None, source)`` cells."""
    nb = nbformat.v4.new_notebook()
    for kind, gid, source in cells:
        cell = nbformat.v4.new_code_cell(source)
        if kind != "code":
            cell.metadata["nbgrader"] = {"grade_id": gid, "solution": kind == "answer",
                                         "grade": kind == "test", "points": 1}
        nb.cells.append(cell)
    return nb


def test_a_value_an_ordinary_cell_computes_from_an_exercise_feeds_the_test_that_reads_it():
    nb = _notebook(("answer", "build", "def build(): ..."), ("answer", "loss", "def loss(y): ..."),
                   ("answer", "unused", "def unused(): ..."),
                   ("code", None, "model = build()\nhistory = {}\nhistory['val'] = loss(model)"),
                   ("code", None, "final = history['val']"),
                   ("test", "test_build", "assert final < 1"),
                   ("test", "test_unused", "assert unused() is None"))
    assert exercises_feeding_tests(nb) == {"build", "loss"}


def test_tests_that_call_functions_or_compute_their_own_values_feed_nothing():
    nb = _notebook(("answer", "f", "def f(x): ..."),
                   ("code", None, "def helper():\n    return f(1)"),
                   ("code", None, "x = 3\ny = f(x)\n%time z = 1"),
                   ("code", None, "y = 0"),                       # rebound without f
                   ("test", "test_f", "y = f(2)\nassert helper() == y"),
                   ("test", "test_f_again", "assert f(x) == y"))
    assert exercises_feeding_tests(nb) == set()


def test_a_swapped_function_reaches_the_tests_that_call_it_or_use_what_a_test_made_with_it():
    nb = _notebook(("answer", "f", "def f(x): ..."), ("answer", "g", "def g(x):\n    return f(x) + 1"),
                   ("answer", "h", "def h(x): ..."),
                   ("code", None, "stale = f(1)\nalias = f"),            # computed once, not again
                   ("test", "test_f", "_v = f(2)\nassert _v"),
                   ("test", "test_g", "assert g(1) == 2"),
                   ("test", "test_uses_v", "assert _v > 0"),             # a value test_f made with f
                   ("test", "test_stale", "assert stale and alias(3)"),
                   ("test", "test_h", "_v = h(1)\nassert _v"),             # rebinds _v from h: clean
                   ("test", "test_h_later", "assert _v == h(1)"),
                   ("test", "test_by_name", "assert T.callable_named('f')"))  # the name in a string
    reaching = ReachedTests(nb)
    assert reaching({"f"}) == {"test_f", "test_g", "test_uses_v", "test_by_name"}
    # a test that is run reads _v: the last test cell binding _v before it runs again too
    assert reaching({"h"}) == {"test_h", "test_h_later"}
    assert reaching({"g"}) == {"test_g"}
    assert reaching(set()) == {gid for gid, _, _ in reaching.tests}  # nothing known: run all


def test_questions_are_q_and_a_number():
    assert is_question("q3") and not is_question("quantile") and not is_question("q")


def test_a_cell_fails_on_error_or_stderr_like_nbgrader():
    ok = nbformat.v4.new_code_cell("x")
    ok.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi")]
    err = nbformat.v4.new_code_cell("x")
    err.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])]
    warn = nbformat.v4.new_code_cell("x")
    warn.outputs = [nbformat.v4.new_output("stream", name="stderr", text="Warning")]
    assert not cell_failed(ok) and cell_failed(err) and cell_failed(warn)


def test_mutant_header_names_the_exercise_first(tmp_path: Path):
    good = tmp_path / "softmax__unstable.py"
    good.write_text('# breaks: softmax rnn_forward\n"""No max subtraction."""\ndef softmax(z): pass\n')
    mutant = load_mutant(good)
    assert mutant.exercise == "softmax" and mutant.breaks == ["softmax", "rnn_forward"]
    assert mutant.description == "No max subtraction."
    bad = tmp_path / "softmax__x.py"
    bad.write_text("def softmax(z): pass\n")
    with pytest.raises(ValueError, match="breaks"):
        load_mutant(bad)
    misnamed = tmp_path / "other__x.py"
    misnamed.write_text("# breaks: softmax\n")
    with pytest.raises(ValueError, match="file name"):
        load_mutant(misnamed)


def test_strip_markers_keeps_the_solution_code():
    source = "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n"
    assert strip_markers(source) == "def f():\n    return 1"


def test_feedback_hides_hidden_test_blocks():
    from grading.steps.feedback import hide
    source = ("T.assert_shape('f', f(x), (2,))\n### BEGIN HIDDEN TESTS\nsecret = 42\n"
              "assert f(3) == secret\n### END HIDDEN TESTS\nprint('done')\n")
    shown = hide(source)
    assert "secret" not in shown and "42" not in shown
    assert shown.startswith("T.assert_shape") and shown.endswith("print('done')\n")
    assert "hidden tests ran here" in shown


def test_test_cells_lose_their_displayed_values_and_answer_cells_keep_them():
    import nbformat
    from grading.steps.all_or_nothing import AllOrNothing
    value = nbformat.v4.new_output("execute_result", data={"text/plain": "5.0"}, execution_count=1)
    printed = nbformat.v4.new_output("stream", name="stdout", text="hello\n")
    test = nbformat.v4.new_code_cell("f(2)", outputs=[printed, value])
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "test_f", "points": 1}
    answer = nbformat.v4.new_code_cell("f", outputs=[value])
    answer.metadata["nbgrader"] = {"grade": False, "solution": True, "grade_id": "f"}
    nb = nbformat.v4.new_notebook(cells=[answer, test])
    out, _ = AllOrNothing().preprocess(nb, {})
    assert out.cells[1].outputs == [printed] and out.cells[0].outputs == [value]


def test_a_cell_whose_output_never_arrives_fails_and_grading_goes_on(tmp_path):
    """nbclient raises when a cell's outputs lag behind its reply (``iopub_timeout``); plain
    nbgrader then drops the notebook. Here every cell's outputs are held back for good."""
    import asyncio

    from grading.steps.execute import ResilientExecute

    class OutputsNeverArrive(ResilientExecute):
        async def _async_poll_output_msg(self, *args, **kwargs):
            await asyncio.sleep(3600)

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('hello')"), nbformat.v4.new_code_cell("x = 1")]
    out, _ = OutputsNeverArrive(kernel_name="python3", iopub_timeout=1).preprocess(
        nb, {"metadata": {"path": str(tmp_path)}})
    assert all(cell_failed(c) for c in out.cells)
    assert "did not arrive" in out.cells[1].outputs[-1]["evalue"]


def test_a_student_cell_the_client_cannot_follow_is_a_crash_and_grading_goes_on(tmp_path):
    from grading.steps.execute import ResilientExecute

    class Confused(ResilientExecute):
        def execute_cell(self, cell, cell_index, *args, **kwargs):
            if "confuse" in cell.source and not getattr(self, "confused", False):
                self.confused = True
                raise RuntimeError("two replies to one request")
            return super().execute_cell(cell, cell_index, *args, **kwargs)

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in ("x = 41", "'confuse'", "print(x + 1)")]
    out, _ = Confused(kernel_name="python3").preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert out.cells[1].outputs[0]["ename"] == "RuntimeError" and cell_failed(out.cells[1])
    assert out.cells[2].outputs[0]["text"] == "42\n"   # restarted, the cell above re-run


def test_a_cell_that_runs_out_of_time_restarts_the_kernel_and_its_children_die(tmp_path):
    """An interrupt stops only the kernel's main thread: a child it forked would spin on
    (a fork bomb's children starve everyone graded beside it), so the kernel is restarted."""
    from grading.steps.execute import ResilientExecute
    pid_file = tmp_path / "child.pid"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os, time\nsetup = 'done'"),
                nbformat.v4.new_code_cell(
                    "pid = os.fork()\nif pid == 0:\n"
                    f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
                    "    while True:\n        pass\n"
                    "while True:\n    time.sleep(0.1)"),
                nbformat.v4.new_code_cell(  # asked while grading goes on, not after it
                    f"child = int(open({str(pid_file)!r}).read())\n"
                    "def running(pid):\n    try:\n"
                    "        return open(f'/proc/{pid}/stat').read().split(')')[1].split()[0] not in 'ZX'\n"
                    "    except OSError:\n        return False\n"
                    "for _ in range(50):\n    if not running(child):\n        break\n    time.sleep(0.1)\n"
                    "print(setup, 'child running' if running(child) else 'child gone')")]
    out, _ = ResilientExecute(kernel_name="python3", timeout=3, iopub_timeout=60).preprocess(
        nb, {"metadata": {"path": str(tmp_path)}})
    assert out.cells[1].outputs[-1]["ename"] == "CellTimeoutError"
    assert out.cells[2].outputs[0]["text"] == "done child gone\n"   # cells above re-run, child dead


def test_after_a_restart_copies_of_the_old_kernel_never_take_the_grading_s_requests(tmp_path, kernel_copy):
    """A fork bomb's copies of the kernel outlive it while its sandbox is torn down, holding its
    sockets. A client still connected to them sees its requests vanish (grading then stalled
    180 s and dropped the notebook): after a restart the grading talks to the new kernel only."""
    from traitlets.config import Config

    from grading.steps.execute import ResilientExecute
    sockets, copy_kernel = kernel_copy
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = sockets
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 41"),
                nbformat.v4.new_code_cell(copy_kernel + "while True:\n    time.sleep(0.1)"),
                nbformat.v4.new_code_cell("print(x + 1)")]
    out, _ = ResilientExecute(config=config, kernel_name="python3", timeout=5, startup_timeout=60,
                              iopub_timeout=60).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert out.cells[1].outputs[-1]["ename"] == "CellTimeoutError"
    assert out.cells[2].outputs[0]["text"] == "42\n"   # the new kernel, the cell above re-run


# --- make check NB=..., make autograde --student/--changed -----------------------------------

def test_check_accepts_a_notebook_number_and_rejects_unknown_names():
    from grading.authoring import check_notebook
    known = ["01_sequential_data", "02_rnn_forward", "10_bidirectional_masking"]
    assert check_notebook.resolve("01", known) == "01_sequential_data"
    assert check_notebook.resolve("02_rnn_forward", known) == "02_rnn_forward"
    with pytest.raises(ValueError, match="unknown notebook '1': choose one of 01_sequential_data, "
                                         "02_rnn_forward, 10_bidirectional_masking"):
        check_notebook.resolve("1", known)
    with pytest.raises(ValueError, match="unknown notebook '03'"):
        check_notebook.resolve("03", known)


def test_make_check_with_an_unknown_notebook_exits_2_with_the_choices(capsys):
    from grading.authoring import check_notebook
    assert check_notebook.main(["1"]) == 2
    err = capsys.readouterr().err
    assert "unknown notebook '1': choose one of 01_sequential_data, 02_rnn_forward" in err


def graded_submission(root: Path, student: str, assignment: str, graded_at: float, changed_at: float):
    """A submission whose files were last changed at ``changed_at`` (None: not graded)."""
    import os
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True)
    (folder / f"{assignment}.ipynb").write_text("{}")
    os.utime(folder / f"{assignment}.ipynb", (changed_at, changed_at))
    if graded_at is not None:
        graded = root / "autograded" / student / assignment
        graded.mkdir(parents=True)
        (graded / f"{assignment}.ipynb").write_text("{}")
        os.utime(graded / f"{assignment}.ipynb", (graded_at, graded_at))


def test_autograde_changed_selects_new_changed_and_failed_submissions(tmp_path, monkeypatch):
    import argparse

    from grading.instructor import pipeline
    from grading.instructor import outcomes
    monkeypatch.setenv("RNNCOURSE_GRADING_ROOT", str(tmp_path))
    graded_submission(tmp_path, "ann", "a1", graded_at=2000, changed_at=1000)   # graded since
    graded_submission(tmp_path, "bob", "a1", graded_at=1000, changed_at=2000)   # resubmitted
    graded_submission(tmp_path, "cat", "a1", graded_at=None, changed_at=1000)   # new
    graded_submission(tmp_path, "dan", "a1", graded_at=2000, changed_at=1000)   # failed last time
    outcomes.record(tmp_path, "a1", ["dan"], [("dan", "kernel died")])
    everyone = ["ann", "bob", "cat", "dan"]
    args = argparse.Namespace(student=None, changed=True)
    assert pipeline.select(everyone, "a1", args) == ["bob", "cat", "dan"]
    args = argparse.Namespace(student=["ann", "bob"], changed=False)
    assert pipeline.select(everyone, "a1", args) == ["ann", "bob"]
    args = argparse.Namespace(student=["ann", "bob"], changed=True)
    assert pipeline.select(everyone, "a1", args) == ["bob"]


def test_autograde_of_a_student_without_submission_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from grading.instructor import pipeline
    monkeypatch.setenv("RNNCOURSE_GRADING_ROOT", str(tmp_path))
    with pytest.raises(SystemExit) as exit_:
        pipeline.main(["autograde", "01_sequential_data", "--student", "nobody"])
    assert exit_.value.code == 2 and "no submission of nobody" in capsys.readouterr().err


def test_make_help_lists_every_target_with_its_line():
    import re
    import subprocess

    from grading import REPO
    makefile = (REPO / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()
    out = subprocess.run(["make", "-s", "-C", str(REPO), "help"], capture_output=True, text=True,
                         check=True).stdout
    listed = {line.split()[1]: line for line in out.splitlines()}
    assert sorted(listed) == sorted(phony), "every target needs a ## line above it"
    assert "Regenerate course/ from solutions/" in listed["release"]
