"""course/ is exactly what `make release` makes from solutions/, and leaks nothing."""
from __future__ import annotations

import ast

import pytest
from conftest import ASSIGNMENTS

from grading import COURSE, SOLUTIONS, nbgrader_run
from grading.anatomy import answer_ids, exercise_of, is_answer, is_question, is_test, meta, read, scored_cells

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
NOTEBOOKS = [SOLUTIONS / a / f"{a}.ipynb" for a in ASSIGNMENTS] + \
            [COURSE / a / f"{a}.ipynb" for a in ASSIGNMENTS]


def test_course_has_the_ten_assignments_in_order():
    expected = ["01_sequential_data", "02_rnn_forward", "03_bptt", "04_gradient_problems",
                "05_lstm", "06_gru", "07_text_generation", "08_forecasting",
                "09_seq2seq_attention", "10_bidirectional_masking"]
    assert ASSIGNMENTS == expected
    assert sorted(p.name for p in COURSE.iterdir() if p.is_dir()) == ASSIGNMENTS


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_course_equals_a_fresh_release(assignment, tmp_path):
    root, release = tmp_path / "root", tmp_path / "release"
    root.mkdir()
    nbgrader_run.release(assignment, root=root, release_dir=release)
    fresh = sorted(p.relative_to(release / assignment) for p in (release / assignment).rglob("*") if p.is_file())
    committed = sorted(p.relative_to(COURSE / assignment) for p in (COURSE / assignment).rglob("*") if p.is_file())
    assert fresh == committed, "course/ has different files than a fresh release: run `make release`"
    for rel in fresh:
        assert (release / assignment / rel).read_bytes() == (COURSE / assignment / rel).read_bytes(), \
            f"course/{assignment}/{rel} drifted from solutions/: run `make release`"


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
