"""The grading pipeline of rnncourse, as small steps each with one job.

    anatomy      what a notebook holds: answer cells, test cells, which exercise a test checks
    submissions  build submissions (solution-filled, blank, with a wrong function swapped in)
    nbgrader_run run the real nbgrader (release, autograde, feedback, export) in a course root
    kernel       run a notebook's test cells against many wrong functions in one kernel
"""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AUTOGRADE = REPO / "autograde"
SOLUTIONS = REPO / "solutions"
COURSE = REPO / "course"
MUTANTS = AUTOGRADE / "tests" / "mutants"


def assignments() -> list[str]:
    """Assignment names found in ``solutions/``, in course order."""
    return sorted(p.name for p in SOLUTIONS.iterdir()
                  if p.is_dir() and (p / f"{p.name}.ipynb").exists())
