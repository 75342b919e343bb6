"""Check one assignment end to end, for authors: ``make check NB=02_rnn_forward``.

1. run the solution's test cells against every wrong implementation in
   ``autograde/tests/mutants/<NB>/`` in one kernel, and say for each whether it loses
   points on the exercise it breaks and nowhere else;
2. release it to a scratch folder and grade the solution-filled and the blank release
   with the real ``nbgrader autograde``, printing scores read from the gradebook.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # autograde/, for `grading`

from grading import MUTANTS, SOLUTIONS, assignments  # noqa: E402
from grading.anatomy import is_question  # noqa: E402
from grading.authoring.kernel import GradingKernel, mutants_of  # noqa: E402
from grading.authoring.scratch import ScratchCourse  # noqa: E402


def judge(kernel: GradingKernel, mutant) -> tuple[bool, str]:
    """(ok, explanation): ok when the mutant fails a test of its exercise and only tests of
    the exercises its header allows."""
    outcome = kernel.outcome(mutant.source)
    hit = {g for g in outcome.failed if kernel.exercise_of(g) == mutant.exercise}
    stray = {g for g in outcome.failed if kernel.exercise_of(g) not in mutant.breaks}
    if not hit:
        return False, "NOT CAUGHT: no test of " + mutant.exercise + " failed"
    if stray:
        return False, "COLLATERAL: also failed " + ", ".join(sorted(stray))
    first = sorted(hit)[0]
    return True, f"caught by {', '.join(sorted(hit))} -- {outcome.messages[first][:160]}"


def check_mutants(assignment: str) -> bool:
    notebook = SOLUTIONS / assignment / f"{assignment}.ipynb"
    mutants = mutants_of(MUTANTS / assignment)
    start = time.time()
    ok_all = True
    with GradingKernel(notebook) as kernel:
        print(f"solution run in one kernel: {time.time() - start:.1f} s; "
              f"failing tests: {sorted(kernel.baseline.failed) or 'none'}")
        ok_all &= not kernel.baseline.failed
        for ex in (e for e in kernel.exercises if not is_question(e)):
            n = sum(m.exercise == ex for m in mutants)
            if n < 3:
                print(f"  ! only {n} wrong implementation(s) for {ex} (want >= 3)")
        for mutant in mutants:
            ok, why = judge(kernel, mutant)
            ok_all &= ok
            print(f"  {'ok ' if ok else 'BAD'} {mutant.name}: {why}")
    print(f"mutants: {len(mutants)} in {time.time() - start:.1f} s")
    return ok_all


def check_grading(assignment: str) -> bool:
    with ScratchCourse.temporary(assignment) as course:
        course.submit("solution", course.filled())
        course.submit("blank", course.blank())
        start = time.time()
        course.grade()
        took = time.time() - start
        got = course.scores()
        print(f"nbgrader autograde of 2 submissions: {took:.1f} s; max score {course.total:g}")
        for student, grades in sorted(got.items()):
            lost = sorted(g for g, s in grades.items() if s == 0)
            print(f"  {student}: {sum(grades.values()):g}/{course.total:g}" +
                  (f" (zero on {', '.join(lost)})" if lost and student != "blank" else ""))
        return (sum(got["solution"].values()) == course.total and sum(got["blank"].values()) == 0)


def resolve(name: str, known: list[str]) -> str:
    """The assignment ``name`` stands for: its full name or a unique prefix of at least its
    two-digit number (``01``, ``01_seq``). Raises ValueError naming the choices otherwise."""
    if name in known:
        return name
    matches = [a for a in known if len(name) >= 2 and a.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    what = "ambiguous" if matches else "unknown"
    raise ValueError(f"{what} notebook {name!r}: choose one of {', '.join(matches or known)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", help="a notebook of solutions/, or a unique prefix (01)")
    parser.add_argument("--skip-nbgrader", action="store_true")
    args = parser.parse_args(argv)
    try:
        args.assignment = resolve(args.assignment, assignments())
    except ValueError as exc:
        print(f"make check: {exc}", file=sys.stderr)
        return 2
    ok = check_mutants(args.assignment)
    if not args.skip_nbgrader:
        ok &= check_grading(args.assignment)
    print("ALL GOOD" if ok else "PROBLEMS FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
