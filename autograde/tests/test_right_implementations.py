"""Right implementations written differently from the course's solutions get full marks.

Each file in autograde/tests/right/<assignment>/ is ``<exercise>__<style>.py``: a first line
``# exercise: <exercise>``, a one-line docstring naming its style, and one function (it may
call other exercises of the notebook by name, as a student's notebook would). Every test cell
of the notebook must still pass with it swapped in. Run in one kernel per notebook, like
test_wrong_implementations (see grading.authoring.kernel).

Swapping a function into a kernel that already ran the notebook cannot reach a test that reads
a value an ordinary cell computed earlier (07's ``test_build_char_model_learns`` checks the
``val_loss`` of the training cell). So a second test also runs whole notebooks, as nbgrader
does, with the answer cells of such exercises (``anatomy.exercises_feeding_tests``) replaced by
right implementations: round k takes the k-th style of each (cycling), until every file has
been used once. Round 0 goes through the real two-kernel grading instead (test_grading.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ASSIGNMENTS

from grading import SOLUTIONS
from grading.anatomy import answer_ids, exercises_feeding_tests, is_question, meta, read
from grading.authoring.kernel import GradingKernel

RIGHT = Path(__file__).resolve().parent / "right"
HEADER = re.compile(r"\A#\s*exercise:\s*(?P<name>\S+)\s*$", re.MULTILINE)


@dataclass
class RightImplementation:
    path: Path
    source: str
    exercise: str

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def style(self) -> str:
        doc = re.search(r'"""(.*?)"""', self.source, re.S)
        return doc.group(1).strip().splitlines()[0] if doc else self.name


def load_right(path: Path) -> RightImplementation:
    source = path.read_text()
    match = HEADER.match(source)
    if not match:
        raise ValueError(f"{path}: the first line must be '# exercise: <exercise>'")
    exercise = match.group("name")
    if path.stem.split("__")[0] != exercise:
        raise ValueError(f"{path}: the file name must start with its exercise, {exercise}")
    return RightImplementation(path, source, exercise)


def rights_of(assignment: str) -> list[RightImplementation]:
    return [load_right(p) for p in sorted((RIGHT / assignment).glob("*.py"))]


CASES = [(a, r) for a in ASSIGNMENTS for r in rights_of(a)]


def rounds_of(assignment: str) -> list[dict[str, RightImplementation]]:
    """``[{exercise: implementation}]``: round k uses the k-th style of every exercise whose
    results reach a test through an ordinary cell (``exercises_feeding_tests``); the others
    keep the solution's, their styles being checked by swapping functions."""
    fed = exercises_feeding_tests(read(SOLUTIONS / assignment / f"{assignment}.ipynb"))
    by_exercise: dict[str, list[RightImplementation]] = {}
    for right in rights_of(assignment):
        if right.exercise in fed:
            by_exercise.setdefault(right.exercise, []).append(right)
    n = max((len(v) for v in by_exercise.values()), default=0)
    return [{e: v[k % len(v)] for e, v in by_exercise.items()} for k in range(n)]


# Round 0 (the first style of every exercise) is graded through the real two-kernel nbgrader
# in test_grading.py (conftest.first_right_of_each); the later rounds run here, in one kernel.
ROUNDS = [(a, k, r) for a in ASSIGNMENTS for k, r in enumerate(rounds_of(a)) if k > 0]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_exercise_has_a_right_implementation(assignment):
    rights = rights_of(assignment)
    exercises = answer_ids(read(SOLUTIONS / assignment / f"{assignment}.ipynb"))
    unknown = sorted(r.name for r in rights if r.exercise not in exercises)
    assert not unknown, f"right implementations naming exercises that do not exist: {unknown}"
    covered = {r.exercise for r in rights}
    missing = [e for e in exercises if not is_question(e) and e not in covered]
    assert not missing, f"exercises without a right implementation: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment,right", CASES, ids=[f"{a}/{r.name}" for a, r in CASES])
def test_right_implementation_gets_full_marks(kernels, assignment, right):
    kernel = kernels.get(assignment)
    assert not kernel.baseline.failed, f"the solution itself fails {sorted(kernel.baseline.failed)}"
    outcome = kernel.outcome(right.source)
    failed = sorted(outcome.failed)
    assert not failed, f"{right.name} ({right.style}) fails {len(failed)} test cell(s):\n" + \
        "\n".join(f"  {g}: {outcome.messages[g]}" for g in failed)


@pytest.mark.slow
@pytest.mark.own_kernel
@pytest.mark.parametrize("assignment,k,chosen", ROUNDS, ids=[f"{a}/round{k}" for a, k, _ in ROUNDS])
def test_whole_notebook_of_right_implementations_gets_full_marks(kernels, assignment, k, chosen):
    kernels.close()                                   # one kernel at a time (memory)
    kernel = GradingKernel(SOLUTIONS / assignment / f"{assignment}.ipynb")
    for cell in kernel.answers:                       # what a student's notebook holds
        right = chosen.get(meta(cell)["grade_id"])
        if right is not None:
            cell.source = right.source
    with kernel:
        failed = sorted(kernel.baseline.failed)
    assert not failed, f"round {k} ({', '.join(r.name for r in chosen.values())}) fails:\n" + \
        "\n".join(f"  {g}: {kernel.baseline.messages[g]}" for g in failed)
