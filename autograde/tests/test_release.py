"""course/ is exactly what `make release` makes from solutions/, and leaks nothing."""
from __future__ import annotations

import ast
import json
import shutil
import subprocess

import pytest
from conftest import ASSIGNMENTS

from grading.instructor import pipeline
from grading import COURSE, REPO, SOLUTIONS
from grading.authoring.release_check import differences, folders, uncommitted
from grading.anatomy import answer_ids, exercise_of, is_answer, is_question, is_test, meta, read, scored_cells

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
NOTEBOOKS = [SOLUTIONS / a / f"{a}.ipynb" for a in ASSIGNMENTS] + \
            [COURSE / a / f"{a}.ipynb" for a in ASSIGNMENTS]


def test_course_has_the_ten_assignments_in_order():
    expected = ["01_sequential_data", "02_rnn_forward", "03_bptt", "04_gradient_problems",
                "05_lstm", "06_gru", "07_text_generation", "08_forecasting",
                "09_seq2seq_attention", "10_bidirectional_masking"]
    assert ASSIGNMENTS == expected
    assert folders(COURSE, REPO) == ASSIGNMENTS


def test_course_folder_list_ignores_jupyterlab_checkpoints(tmp_path):
    opened = tmp_path / "course"
    shutil.copytree(COURSE, opened)
    (opened / ".ipynb_checkpoints").mkdir(exist_ok=True)  # JupyterLab opened course/ itself
    assert folders(opened, REPO) == ASSIGNMENTS


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_course_equals_a_fresh_release(assignment, released):
    drift = differences(released(assignment) / assignment, COURSE / assignment, REPO, f"course/{assignment}")
    assert not drift, "course/ drifted from solutions/: run `make release`\n" + "\n".join(drift)


def opened_in_jupyterlab(folder, notebook):
    """What JupyterLab, Validate and a save add to a notebook that is not course material:
    kernel metadata, per-cell `trusted`/`execution`/`collapsed`, and a checkpoint."""
    nb = json.loads(notebook.read_text())
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.2",
                                       "codemirror_mode": {"name": "ipython", "version": 3}}
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    for cell in nb["cells"]:
        cell["metadata"].update(trusted=True, collapsed=False, scrolled=True,
                                execution={"iopub.status.busy": "2026-01-01T00:00:00Z"})
    notebook.write_text(json.dumps(nb, indent=2))
    checkpoints = folder / ".ipynb_checkpoints"
    checkpoints.mkdir()
    (checkpoints / f"{notebook.stem}-checkpoint.ipynb").write_text(json.dumps(nb))


def test_drift_check_ignores_what_opening_every_notebook_adds(tmp_path):
    for assignment in ASSIGNMENTS:
        opened = tmp_path / assignment
        shutil.copytree(COURSE / assignment, opened)
        opened_in_jupyterlab(opened, opened / f"{assignment}.ipynb")
        assert differences(COURSE / assignment, opened, REPO, f"course/{assignment}") == []


def test_drift_check_reports_changed_cells_and_extra_files(tmp_path):
    a = ASSIGNMENTS[0]
    edited = tmp_path / a
    shutil.copytree(COURSE / a, edited)
    nb = json.loads((edited / f"{a}.ipynb").read_text())
    graded = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade"))
    graded["metadata"]["nbgrader"]["points"] = 99
    nb["cells"][0]["source"] = "print('edited by hand')"
    (edited / f"{a}.ipynb").write_text(json.dumps(nb))
    (edited / "notes.txt").write_text("not part of the release")
    drift = differences(COURSE / a, edited, REPO, f"course/{a}")
    assert f"course/{a}/notes.txt: not made by a release" in drift
    assert f"course/{a}/{a}.ipynb: cell {nb['cells'][0]['id']}: source differs" in drift
    assert f"course/{a}/{a}.ipynb: cell {graded['id']}: nbgrader differs" in drift
    del nb["cells"][1]
    (edited / f"{a}.ipynb").write_text(json.dumps(nb))
    assert any("cell ids" in d for d in differences(COURSE / a, edited, REPO, f"course/{a}"))


@pytest.fixture
def course_repo(tmp_path):
    """A git repository with a committed course/01_a/01_a.ipynb."""
    repo = tmp_path / "repo"
    (repo / "course" / "01_a").mkdir(parents=True)
    (repo / ".gitignore").write_text(".ipynb_checkpoints/\n")
    (repo / "course" / "01_a" / "01_a.ipynb").write_text('{"release": 1}')
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "release"]):
        subprocess.run(git + cmd, check=True, capture_output=True)
    return repo


def test_release_refuses_to_overwrite_uncommitted_course_notebooks(course_repo, monkeypatch, capsys):
    course = course_repo / "course"
    assert pipeline.release_refusal(["01_a"], course, course_repo) == ""
    (course / "01_a" / "01_a.ipynb").write_text('{"my answers": 1}')
    (course / "01_a" / "scratch.ipynb").write_text("{}")
    (course / "01_a" / ".ipynb_checkpoints").mkdir()
    (course / "01_a" / ".ipynb_checkpoints" / "01_a-checkpoint.ipynb").write_text("{}")
    assert uncommitted([course / "01_a"], course_repo) == [
        "course/01_a/01_a.ipynb (modified)", "course/01_a/scratch.ipynb (untracked)"]
    message = pipeline.release_refusal(["01_a"], course, course_repo)
    assert "course/01_a/01_a.ipynb (modified)" in message and "FORCE=1" in message

    released = []
    monkeypatch.setattr(pipeline, "release_refusal", lambda names: message)
    monkeypatch.setattr(pipeline.nbgrader_run, "release", released.append)
    assert pipeline.main(["release", "01_a"]) == 2
    assert released == [] and "course/01_a/01_a.ipynb (modified)" in capsys.readouterr().err
    assert (course / "01_a" / "01_a.ipynb").read_text() == '{"my answers": 1}'
    assert pipeline.main(["release", "01_a", "--force"]) == 0 and released == ["01_a"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_contains_no_solution_or_hidden_test(assignment):
    text = (COURSE / assignment / f"{assignment}.ipynb").read_text()
    for marker in MARKERS:
        assert marker not in text, f"course/{assignment} contains {marker!r}"
    solution = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    visible = {line for cell in solution.cells for line in _split(cell.source)[0]}
    released = {line.strip() for cell in read(COURSE / assignment / f"{assignment}.ipynb").cells
                for line in cell.source.splitlines()}
    for cell in solution.cells:
        for line in _split(cell.source)[1] - visible:
            assert line not in released, \
                f"hidden test or solution text of {meta(cell).get('grade_id')} leaked: {line!r}"


def _split(source: str) -> tuple[set[str], set[str]]:
    """(visible lines, lines inside solution or hidden-test blocks), stripped, over 25 chars.
    A line that is also visible elsewhere in the notebook (a shared helper call) is no secret."""
    visible, secret, inside = set(), set(), False
    for line in source.splitlines():
        if "BEGIN HIDDEN TESTS" in line or "BEGIN SOLUTION" in line:
            inside = True
        elif "END HIDDEN TESTS" in line or "END SOLUTION" in line:
            inside = False
        elif len(line.strip()) > 25:
            (secret if inside else visible).add(line.strip())
    return visible, secret


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_notebook_is_stored_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, \
                f"{path}: cell {cell.id} has stored outputs (clear them before committing)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_cell_ids_are_present_unique_and_named_for_graded_cells(path):
    nb = read(path)
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), f"{path}: missing or duplicate cell ids"
    for cell in nb.cells:
        if meta(cell).get("grade_id") and "solutions" in path.parts:
            assert cell.id == meta(cell)["grade_id"], f"{path}: cell {cell.id} should be named {meta(cell)['grade_id']}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_test_cell_names_an_exercise_and_every_exercise_is_tested(assignment):
    nb = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    exercises = answer_ids(nb)
    tests = scored_cells(nb)
    orphans = [t for t in tests if exercise_of(t, exercises) is None]
    assert not orphans, f"test cells not named test_<exercise>...: {orphans}"
    untested = [e for e in exercises if not any(exercise_of(t, exercises) == e for t in tests)]
    assert not untested, f"exercises without a test cell: {untested}"
    assert sum(1 for e in exercises if is_question(e)) >= 2, "at least two multiple-choice questions"


RETURNS_A_VALUE = {"T.assert_numpy_only", "T.call_not_mutating", "T.assert_not_mutated"}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_test_cell_ends_with_a_value(assignment):
    """nbgrader reads a test cell's last value as partial credit (a bare number, or a helper
    that returns the student's result): such cells must end in a statement."""
    nb = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    for gid, cell in scored_cells(nb).items():
        body = ast.parse(cell.source).body
        last = body[-1].value if body and isinstance(body[-1], ast.Expr) else None
        assert not (isinstance(last, ast.Constant) and isinstance(last.value, (int, float))), \
            f"{gid} ends with a bare number, which nbgrader reads as partial credit"
        assert not (isinstance(last, ast.Call) and ast.unparse(last.func) in RETURNS_A_VALUE), \
            f"{gid} ends with {ast.unparse(last.func)}(...), which returns the student's result: " \
            "assign it (_ = ...)"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_setup_cell_comes_first_and_is_locked(assignment):
    nb = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert meta(first).get("locked") and not is_answer(first) and not is_test(first)
    assert "setup(" in first.source


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_numpy_notebooks_do_not_import_tensorflow_at_the_top(assignment):
    if assignment[:2] not in {"01", "03", "04"}:
        pytest.skip("this notebook uses Keras")
    text = (SOLUTIONS / assignment / f"{assignment}.ipynb").read_text()
    assert "import tensorflow" not in text and "load_keras" not in text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_notebook_states_its_run_time_at_the_top(assignment):
    nb = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    intro = next(c for c in nb.cells if c.cell_type == "markdown")
    assert "Run time (Run All, measured" in intro.source, \
        f"{assignment}: say at the top how long Run All takes (measure it)"
