"""The real `nbgrader autograde`, scores read from the gradebook (exit codes lie)."""
from __future__ import annotations

import pytest
from conftest import ASSIGNMENTS

from grading.anatomy import exercise_of

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


def test_regrading_a_student_with_plain_nbgrader_changes_no_score(graded):
    """``mixed`` was graded on the Dask cluster; graded again by plain ``nbgrader autograde``
    it earns the same, and nobody else's scores move. (Code whose result depends on string
    hashing, ``list(set(text))``, is graded by both engines in test_dask.py.)"""
    g = graded("01_sequential_data")
    g.grade("mixed")
    assert g.scores() == g.graded_scores
