"""The instructor's commands (`make release | autograde | feedback | grades`).

    python autograde/pipeline.py release      solutions/ -> course/
    python autograde/pipeline.py autograde    grade autograde/submitted/*/<assignment>/ on Dask
        [--workers N]    a local cluster of N single-threaded worker processes (default:
                         RNNCOURSE_WORKERS, else one per core)
        [--scheduler tcp://host:8786]   an existing Dask scheduler and its workers instead
    python autograde/pipeline.py feedback     autograde/feedback/<student>/<assignment>/*.html
    python autograde/pipeline.py grades       autograde/grades.csv, autograde/report/exercises.{md,png}

Every step is real nbgrader with autograde/nbgrader_config.py; scores are read back from
the gradebook because nbgrader's exit codes do not report failing cells. `autograde` runs
one Dask task per submission (grading/cluster/): workers grade in scratch folders of their
own, and this process alone writes the gradebook and autograded/. The course root
is RNNCOURSE_GRADING_ROOT (default autograde/), the gradebook RNNCOURSE_DB_URL (default
<root>/gradebook.db; e.g. postgresql://user:password@host/db).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grading import assignments, nbgrader_run  # noqa: E402
from grading.cluster import coordinator  # noqa: E402
from grading.cluster.task import grading_settings  # noqa: E402
from grading.progress import default_workers  # noqa: E402

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


def cmd_autograde(args) -> int:
    graded, failed = 0, []
    classes = {a: submitted(a) for a in args.assignments}
    if not any(classes.values()):
        print(f"nothing to grade: put submissions in {root()}/submitted/<student>/<assignment>/")
        return 0
    # a local cluster no larger than the largest class
    workers = None if args.scheduler else args.workers or min(
        default_workers(), max(len(students) for students in classes.values()))
    settings = grading_settings()  # before a local cluster's Nanny touches the environment
    try:
        with coordinator.connect(args.scheduler, workers, args.connect_timeout) as client:
            for a, students in classes.items():
                if not students:
                    continue
                print(f"autograde {a}: {len(students)} submission(s) on "
                      f"{coordinator.describe(client)}", flush=True)
                results = coordinator.grade_assignment(client, a, students, root(), settings=settings)
                failed += [(a, r) for r in results if not r.ok]
                graded += len(students)
    except coordinator.ClusterError as exc:
        print(f"autograde: {exc}", file=sys.stderr)
        return 2
    print(report.summary(report.collect(report.db_url())))
    print(f"graded {graded - len(failed)} of {graded} submission(s)")
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
                        help="autograde: worker processes of the local Dask cluster (default: "
                             "RNNCOURSE_WORKERS, else one per core)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="autograde: grade on this Dask scheduler's workers, e.g. "
                             "tcp://host:8786, instead of a local cluster")
    parser.add_argument("--connect-timeout", type=float, default=30.0, metavar="SECONDS",
                        help="autograde --scheduler: how long to wait for the scheduler and "
                             "its first worker (default 30)")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.workers is not None and args.scheduler:
        parser.error("--workers sizes the local cluster; with --scheduler the scheduler's "
                     "workers grade")
    if args.connect_timeout <= 0:
        parser.error("--connect-timeout must be positive")
    args.assignments = args.assignments or assignments()
    return globals()[f"cmd_{args.command}"](args)


if __name__ == "__main__":
    sys.exit(main())
