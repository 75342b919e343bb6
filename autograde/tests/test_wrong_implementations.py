"""Every wrong implementation in autograde/tests/mutants loses points on the exercise it
breaks, and nowhere else. Run in one kernel per notebook (see grading.authoring.kernel)."""
from __future__ import annotations

import pytest
from conftest import ASSIGNMENTS

from grading import MUTANTS, SOLUTIONS
from grading.anatomy import answer_ids, is_question, read
from grading.authoring.kernel import mutants_of

CASES = [(a, m) for a in ASSIGNMENTS for m in mutants_of(MUTANTS / a)]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_exercise_has_three_wrong_implementations(assignment):
    mutants = mutants_of(MUTANTS / assignment)
    exercises = answer_ids(read(SOLUTIONS / assignment / f"{assignment}.ipynb"))
    few = {e: sum(m.exercise == e for m in mutants) for e in exercises if not is_question(e)}
    assert all(n >= 3 for n in few.values()), f"want >= 3 wrong implementations each: {few}"
    unknown = {m.name for m in mutants if any(b not in exercises for b in m.breaks)}
    assert not unknown, f"mutants naming exercises that do not exist: {unknown}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment,mutant", CASES, ids=[f"{a}/{m.name}" for a, m in CASES])
def test_wrong_implementation_loses_points_only_where_it_breaks(kernels, assignment, mutant):
    kernel = kernels.get(assignment)
    assert not kernel.baseline.failed, f"the solution itself fails {sorted(kernel.baseline.failed)}"
    outcome = kernel.outcome(mutant.source)
    hit = {g for g in outcome.failed if kernel.exercise_of(g) == mutant.exercise}
    stray = {g for g in outcome.failed if kernel.exercise_of(g) not in mutant.breaks}
    assert hit, f"no test of {mutant.exercise} catches: {mutant.description}"
    assert not stray, f"{mutant.description}: also fails {sorted(stray)}: " + \
        "; ".join(outcome.messages[g] for g in sorted(stray))
