"""The instructor's commands (`make release | autograde | feedback | grades`).

    python autograde/pipeline.py release      solutions/ -> course/
    python autograde/pipeline.py autograde    grade autograde/submitted/*/<assignment>/
    python autograde/pipeline.py feedback     autograde/feedback/<student>/<assignment>/*.html
    python autograde/pipeline.py grades       autograde/grades.csv

Every step is real nbgrader with autograde/nbgrader_config.py; scores are read back from
the gradebook because nbgrader's exit codes do not report failing cells.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grading import AUTOGRADE, assignments, nbgrader_run  # noqa: E402

import report  # noqa: E402


def submitted(assignment: str) -> list[str]:
    folder = AUTOGRADE / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir()) \
        if folder.exists() else []


def cmd_release(args) -> int:
    for a in args.assignments:
        print(f"release {a} -> course/{a}/")
        nbgrader_run.release(a)
    return 0


def cmd_autograde(args) -> int:
    graded = 0
    for a in args.assignments:
        students = submitted(a)
        if not students:
            continue
        # Register the assignment's notebooks and test cells in the gradebook without
        # touching course/ (the release goes to the git-ignored autograde/release/).
        nbgrader_run.release(a, release_dir=AUTOGRADE / "release")
        print(f"autograde {a}: {len(students)} submission(s)", flush=True)
        nbgrader_run.autograde(a, AUTOGRADE)
        graded += len(students)
    if not graded:
        print("nothing to grade: put submissions in autograde/submitted/<student>/<assignment>/")
        return 0
    print(report.summary(report.collect(report.db_url())))
    return 0


def cmd_feedback(args) -> int:
    for a in args.assignments:
        if submitted(a):
            nbgrader_run.nbgrader("generate_feedback", a, "--force")
            print(f"feedback {a} -> autograde/feedback/<student>/{a}/")
    return 0


def cmd_grades(args) -> int:
    out = AUTOGRADE / "grades.csv"
    nbgrader_run.nbgrader("export", "--to", str(out))
    print(f"wrote {out.relative_to(AUTOGRADE.parent)}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["release", "autograde", "feedback", "grades"])
    parser.add_argument("assignments", nargs="*", help="default: all of solutions/")
    args = parser.parse_args(argv)
    args.assignments = args.assignments or assignments()
    return globals()[f"cmd_{args.command}"](args)


if __name__ == "__main__":
    sys.exit(main())
