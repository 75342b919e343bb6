"""The instructor's commands (`make release | autograde | feedback | grades`).

    python autograde/pipeline.py release      solutions/ -> course/
    python autograde/pipeline.py autograde    grade autograde/submitted/*/<assignment>/
        [--workers N]    N students at a time (default: RNNCOURSE_WORKERS, else one per core)
        [--shard i/n]    only part i of n of the class (machines sharing one gradebook)
    python autograde/pipeline.py feedback     autograde/feedback/<student>/<assignment>/*.html
    python autograde/pipeline.py grades       autograde/grades.csv, autograde/report/exercises.{md,png}

Every step is real nbgrader with autograde/nbgrader_config.py; scores are read back from
the gradebook because nbgrader's exit codes do not report failing cells. The course root
is RNNCOURSE_GRADING_ROOT (default autograde/), the gradebook RNNCOURSE_DB_URL (default
<root>/gradebook.db; e.g. postgresql://user:password@host/db).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grading import assignments, nbgrader_run, parallel  # noqa: E402

import report  # noqa: E402


def root() -> Path:
    return nbgrader_run.course_root()


def submitted(assignment: str) -> list[str]:
    folder = root() / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir()) \
        if folder.exists() else []


def cmd_release(args) -> int:
    for a in args.assignments:
        print(f"release {a} -> course/{a}/")
        nbgrader_run.release(a)
    return 0


def sandbox_ready() -> bool:
    """Whether the grading sandbox can start here (or the instructor chose
    RNNCOURSE_UNSANDBOXED=1). If not, print why and how to fix it: once, before anyone is graded."""
    import os

    from grading import sandbox
    if os.environ.get("RNNCOURSE_UNSANDBOXED") == "1":
        return True
    reason = sandbox.check()
    if reason:
        print(sandbox.refusal(reason), file=sys.stderr)
    return not reason


def cmd_autograde(args) -> int:
    if not sandbox_ready():
        return 2
    graded, failed = 0, []
    workers = args.workers or parallel.default_workers()
    for a in args.assignments:
        students = parallel.shard(submitted(a), args.shard)
        if not students:
            continue
        # Register the assignment's notebooks and test cells in the gradebook without
        # touching course/ (the release goes to the git-ignored <root>/release/).
        parallel.register(a, students, release_dir=root() / "release")
        shard = f", shard {args.shard}" if args.shard else ""
        print(f"autograde {a}: {len(students)} submission(s){shard}, "
              f"{min(workers, len(students))} worker(s)", flush=True)
        results = parallel.grade_all(a, students, workers=workers)
        failed += [(a, r) for r in results if not r.ok]
        graded += len(students)
    if not graded:
        print(f"nothing to grade: put submissions in {root()}/submitted/<student>/<assignment>/")
        return 0
    print(report.summary(report.collect(report.db_url())))
    for a, r in failed:
        print(f"NOT GRADED: {a} of {r.student}: {r.error}")
    return 1 if failed else 0


def cmd_feedback(args) -> int:
    for a in args.assignments:
        if submitted(a):
            nbgrader_run.nbgrader("generate_feedback", a, "--force")
            print(f"feedback {a} -> autograde/feedback/<student>/{a}/")
    return 0


def cmd_grades(args) -> int:
    out = root() / "grades.csv"
    nbgrader_run.nbgrader("export", "--to", str(out))
    print(f"wrote {out}")
    stats = report.exercise_stats(report.collect(report.db_url()), report.answer_cells(report.db_url()))
    if not stats:
        print("no graded submissions yet: no exercise report")
        return 0
    md, png = report.write_exercise_report(stats, root() / "report")
    print(report.exercises_markdown(stats))
    print(f"wrote {md} and {png}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["release", "autograde", "feedback", "grades"])
    parser.add_argument("assignments", nargs="*", help="default: all of solutions/")
    parser.add_argument("--workers", type=int, default=None,
                        help="autograde: students graded at once (default: RNNCOURSE_WORKERS, "
                             "else one per core)")
    parser.add_argument("--shard", default=None, metavar="i/n",
                        help="autograde: grade only part i of n of the students")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.shard:
        try:
            parallel.parse_shard(args.shard)
        except ValueError as exc:
            parser.error(str(exc))
    args.assignments = args.assignments or assignments()
    return globals()[f"cmd_{args.command}"](args)


if __name__ == "__main__":
    sys.exit(main())
