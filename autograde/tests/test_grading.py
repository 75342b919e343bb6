"""The real `nbgrader autograde`, scores read from the gradebook (exit codes lie)."""
from __future__ import annotations

import pytest
from conftest import ASSIGNMENTS

from grading import MUTANTS
from grading.anatomy import exercise_of
from grading.authoring.kernel import load_mutant

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_gets_full_marks(graded, assignment):
    g = graded(assignment)
    lost = {gid: s for gid, s in g.graded_scores["solution"].items() if s != g.points[gid]}
    assert not lost, f"the solution loses points on {lost}"
    assert set(g.graded_scores["solution"]) == set(g.points)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_right_implementations_in_other_styles_get_full_marks(graded, assignment):
    """``mixed`` holds right implementations in other styles, and two wrong functions:
    outside what those break, it keeps full marks."""
    g = graded(assignment)
    if not g.right:
        pytest.skip(f"{assignment} has no right implementations")
    lost = {gid: s for gid, s in g.graded_scores["mixed"].items()
            if s != g.points[gid] and exercise_of(gid, g.exercises) not in g.broken}
    assert not lost, f"right implementations ({', '.join(sorted(g.right))}) lose points on {lost}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_scores_zero(graded, assignment):
    g = graded(assignment)
    earned = {gid: s for gid, s in g.graded_scores["blank"].items() if s != 0}
    assert not earned, f"the blank notebook earns points on {earned}: a test passes without the student's code"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_sampled_wrong_submissions_lose_points_only_on_what_they_break(graded, assignment):
    g = graded(assignment)
    assert len(g.mutants) == 2, f"{assignment} needs wrong implementations of two exercises that do not call each other"
    lost = {gid for gid, s in g.graded_scores["mixed"].items() if s < g.points[gid]}
    for mutant in g.mutants:
        hit = {gid for gid in lost if exercise_of(gid, g.exercises) == mutant.exercise}
        assert hit, f"{mutant.name} ({mutant.description}) keeps full marks on {mutant.exercise}"
    stray = {gid for gid in lost if exercise_of(gid, g.exercises) not in g.broken}
    assert not stray, f"{', '.join(m.name for m in g.mutants)} also lose points on {sorted(stray)}"


def test_grading_the_same_submissions_twice_gives_identical_scores(graded):
    """Regrading changes nothing, also for code whose result depends on string hashing
    (``list(set(text))`` is ordered by the hash seed, which grading fixes)."""
    assignment = "01_sequential_data"
    g = graded(assignment)
    hashy = load_mutant(MUTANTS / assignment / "build_vocab__unsorted_set.py")
    g.submit("hash-order", g.filled({hashy.exercise: hashy.source}))
    runs = []
    for _ in range(2):
        for student in ("hash-order", "mixed"):
            g.grade(student)
        runs.append(g.scores())
    assert runs[0] == runs[1]
    assert runs[0]["mixed"] == g.graded_scores["mixed"]
    assert {s: runs[0][s] for s in g.graded_scores} == g.graded_scores, "regrading two students changed another's scores"
