"""The instructor's commands (`make release | autograde | feedback | grades`).

    python autograde/grading/instructor/pipeline.py release      solutions/ -> course/
        [--force]        overwrite course/ files that have uncommitted changes
    python autograde/grading/instructor/pipeline.py autograde    grade <root>/submitted/*/<assignment>/ on Dask
        [--workers N]    a local cluster of N single-threaded worker processes (default:
                         RNNCOURSE_WORKERS, else one per core)
        [--scheduler tcp://host:8786]   an existing Dask scheduler and its workers instead
        [--student NAME] only this student (repeatable)
        [--changed]      only submissions not graded yet or changed since they were graded
    python autograde/grading/instructor/pipeline.py feedback     <root>/feedback/<student>/<assignment>/*.html,
                                              <root>/feedback/index.html
    python autograde/grading/instructor/pipeline.py grades       <root>/grades.csv, <root>/report/exercises.{md,png}

Submissions that could not be graded are recorded in <root>/not_graded.json
(grading/instructor/outcomes.py) and reported as NOT GRADED, never as zero.

Every step is real nbgrader with autograde/nbgrader_config.py; scores are read back from
the gradebook because nbgrader's exit codes do not report failing cells. `autograde` runs
one Dask task per submission (grading/instructor/cluster/): workers grade in scratch folders of their
own, and this process alone writes the gradebook and autograded/. The course root
<root> is RNNCOURSE_GRADING_ROOT (default classroom/), the gradebook RNNCOURSE_DB_URL (default
<root>/gradebook.db; e.g. postgresql://user:password@host/db): grading/settings.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # autograde/, for `grading`

from grading import COURSE, REPO, assignments  # noqa: E402
from grading.instructor import nbgrader_run, outcomes  # noqa: E402
from grading.instructor.cluster import coordinator  # noqa: E402
from grading.settings import Settings, grading_settings  # noqa: E402
from grading.authoring.release_check import uncommitted  # noqa: E402
from grading.instructor import report  # noqa: E402


def root() -> Path:
    return nbgrader_run.course_root()


def submitted(assignment: str) -> list[str]:
    folder = root() / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir()) \
        if folder.exists() else []


def release_refusal(assignments: list[str], course: Path = COURSE, repo: Path = REPO) -> str:
    """Why ``make release`` must not run: the course/ files it would overwrite that have
    uncommitted changes (a student's answers, a hand edit), named; "" when there are none."""
    changed = uncommitted([course / a for a in assignments if (course / a).exists()], repo)
    if not changed:
        return ""
    return ("make release: refusing to overwrite course/ files with uncommitted changes:\n"
            + "".join(f"  {c}\n" for c in changed)
            + "A release regenerates course/ from solutions/ and would lose these changes.\n"
              "- Your answers? Copy them into work/ first: students work there (make lab).\n"
              "- Made by an earlier make release? Commit them (git add course && git commit).\n"
              "- Not wanted? make release FORCE=1 (pipeline.py release --force) overwrites them.")


def cmd_release(args) -> int:
    refusal = "" if args.force else release_refusal(args.assignments)
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    for a in args.assignments:
        print(f"release {a} -> course/{a}/")
        nbgrader_run.release(a)
    return 0


def changed_since_graded(student: str, assignment: str, base: Path | None = None) -> bool:
    """True when the submission has no autograded copy yet, could not be graded last time,
    or has a file newer than its autograded notebook."""
    base = base or root()
    graded = base / "autograded" / student / assignment / f"{assignment}.ipynb"
    if not graded.exists() or student in outcomes.load(base).get(assignment, {}):
        return True
    files = [p for p in (base / "submitted" / student / assignment).rglob("*") if p.is_file()]
    return any(p.stat().st_mtime > graded.stat().st_mtime for p in files)


def select(students: list[str], assignment: str, args) -> list[str]:
    """The students of ``--student`` (all without it), and of those with ``--changed`` only
    the submissions ``changed_since_graded``."""
    chosen = [s for s in students if not args.student or s in args.student]
    return [s for s in chosen if changed_since_graded(s, assignment)] if args.changed else chosen


def sandbox_ready() -> bool:
    """Whether the grading sandbox can start here (or the instructor chose
    RNNCOURSE_UNSANDBOXED=1). If not, print why and how to fix it: once, before anyone is graded."""

    from grading import sandbox
    if Settings.from_env().unsandboxed:
        return True
    reason = sandbox.check()
    if reason:
        print(sandbox.refusal(reason), file=sys.stderr)
    return not reason


def cmd_autograde(args) -> int:
    if not sandbox_ready():
        return 2
    graded, failed = 0, []
    classes = {a: select(submitted(a), a, args) for a in args.assignments}
    if not any(classes.values()):
        print(f"nothing to grade: put submissions in {root()}/submitted/<student>/<assignment>/")
        return 0
    # a local cluster no larger than the largest class
    workers = None if args.scheduler else args.workers or min(
        Settings.from_env().workers, max(len(students) for students in classes.values()))
    settings = grading_settings()  # before a local cluster's Nanny touches the environment
    try:
        with coordinator.connect(args.scheduler, workers, args.connect_timeout) as client:
            for a, students in classes.items():
                if not students:
                    continue
                print(f"autograde {a}: {len(students)} submission(s) on "
                      f"{coordinator.describe(client)}", flush=True)
                results = coordinator.grade_assignment(client, a, students, root(), settings=settings)
                outcomes.record(root(), a, students, results)
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
            print(f"feedback {a} -> {root()}/feedback/<student>/{a}/")
    rows = report.class_rows(report.db_url())
    index = report.write_feedback_index(rows, root() / "feedback")
    for r in rows:
        if r.status == "not graded" and r.assignment in args.assignments:
            print(f"NOT GRADED (no feedback): {r.assignment} of {r.student}: {r.reason}")
    print(f"wrote {index}")
    return 0


def cmd_grades(args) -> int:
    url = report.db_url()
    results = report.collect(url)
    failed = report.not_graded(results)
    out = report.write_grades_csv(report.class_rows(url), root() / "grades.csv")
    print(f"wrote {out}")
    stats = report.exercise_stats(results, report.answer_cells(url), failed)
    if not stats:
        print("no graded submissions yet: no exercise report")
    else:
        md, png = report.write_exercise_report(stats, root() / "report", failed)
        print(report.exercises_markdown(stats))
        print(f"wrote {md} and {png}")
    if failed:
        print("\n" + report.not_graded_lines(failed))
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
    parser.add_argument("--student", action="append", metavar="NAME",
                        help="autograde: only this student (repeat for several)")
    parser.add_argument("--changed", action="store_true",
                        help="autograde: only submissions not graded yet or changed since")
    parser.add_argument("--force", action="store_true",
                        help="release: overwrite course/ files even if they have uncommitted changes")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.workers is not None and args.scheduler:
        parser.error("--workers sizes the local cluster; with --scheduler the scheduler's "
                     "workers grade")
    if args.connect_timeout <= 0:
        parser.error("--connect-timeout must be positive")
    args.assignments = args.assignments or assignments()
    unknown = [s for s in args.student or [] if not any(
        (root() / "submitted" / s / a).is_dir() for a in args.assignments)]
    if args.command == "autograde" and unknown:
        parser.error(f"no submission of {', '.join(unknown)} in {root()}/submitted/")
    return globals()[f"cmd_{args.command}"](args)


if __name__ == "__main__":
    sys.exit(main())
