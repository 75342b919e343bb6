"""The real `nbgrader autograde`, scores read from the gradebook (exit codes lie)."""
from __future__ import annotations

import pytest
from conftest import ASSIGNMENTS

from grading import MUTANTS, nbgrader_run, submissions
from grading.anatomy import exercise_of
from grading.kernel import load_mutant

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_gets_full_marks(graded, assignment):
    g = graded(assignment)
    lost = {gid: s for gid, s in g.scores["solution"].items() if s != g.points[gid]}
    assert not lost, f"the solution loses points on {lost}"
    assert set(g.scores["solution"]) == set(g.points)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_right_implementations_in_other_styles_get_full_marks(graded, assignment):
    g = graded(assignment)
    if not g.right:
        pytest.skip(f"{assignment} has no right implementations")
    lost = {gid: s for gid, s in g.scores["right-styles"].items() if s != g.points[gid]}
    assert not lost, f"right implementations ({', '.join(sorted(g.right))}) lose points on {lost}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_scores_zero(graded, assignment):
    g = graded(assignment)
    earned = {gid: s for gid, s in g.scores["blank"].items() if s != 0}
    assert not earned, f"the blank notebook earns points on {earned}: a test passes without the student's code"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_sampled_wrong_submissions_lose_points_only_on_what_they_break(graded, assignment):
    g = graded(assignment)
    assert g.mutants, f"{assignment} has no wrong implementations in autograde/tests/mutants"
    for student, mutant in g.mutants.items():
        scores = g.scores[student]
        lost = {gid for gid, s in scores.items() if s < g.points[gid]}
        hit = {gid for gid in lost if exercise_of(gid, g.exercises) == mutant.exercise}
        stray = {gid for gid in lost if exercise_of(gid, g.exercises) not in mutant.breaks}
        assert hit, f"{mutant.name} ({mutant.description}) keeps full marks on {mutant.exercise}"
        assert not stray, f"{mutant.name} also loses points on {sorted(stray)}"


def test_grading_the_same_submissions_twice_gives_identical_scores(graded):
    """Regrading changes nothing, also for code whose result depends on string hashing
    (``list(set(text))`` is ordered by the hash seed, which grading fixes)."""
    assignment = "01_sequential_data"
    g = graded(assignment)
    hashy = load_mutant(MUTANTS / assignment / "build_vocab__unsorted_set.py")
    nb = submissions.filled(assignment, {hashy.exercise: hashy.source}, course=g.release)
    nbgrader_run.submit(g.root, "hash-order", assignment, nb)
    nbgrader_run.autograde(assignment, g.root, student="hash-order")
    first = nbgrader_run.scores(g.root, assignment)
    for _ in range(2):
        nbgrader_run.autograde(assignment, g.root)
        assert nbgrader_run.scores(g.root, assignment) == first
    assert {s: first[s] for s in g.scores} == g.scores
