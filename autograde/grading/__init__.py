"""The grading package of rnncourse, laid out by where each part runs.

    anatomy       what a notebook holds: answer cells, test cells, which exercise a test checks
    sandbox       the sandbox launcher: every student kernel starts inside bubblewrap
    steps/        runs inside ``nbgrader autograde``/``generate_feedback``: the preprocessors
                  (execution with two kernels, scoring, tamper courtesy, hidden tests kept
                  out of feedback) and ``bridge/``, the two kernels' ends of the safe codec
    instructor/   runs on the instructor's machine: the commands (``pipeline``, ``report``),
                  nbgrader runs, the gradebook, settings, progress, ``cluster/`` (Dask tasks)
    authoring/    for course authors: ``make check``, ``make bench``, the one-kernel runner of
                  wrong and right implementations, scratch courses, the release drift check
"""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AUTOGRADE = REPO / "autograde"
SOLUTIONS = REPO / "solutions"
COURSE = REPO / "course"
MUTANTS = AUTOGRADE / "tests" / "mutants"
PIPELINE = Path(__file__).resolve().parent / "instructor" / "pipeline.py"  # make release/autograde/...


def assignments() -> list[str]:
    """Assignment names found in ``solutions/``, in course order."""
    return sorted(p.name for p in SOLUTIONS.iterdir()
                  if p.is_dir() and (p / f"{p.name}.ipynb").exists())
