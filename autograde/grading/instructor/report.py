"""Read the gradebook and print what an instructor wants to see after grading.

    make report WHAT=summary     # one line per student: score per assignment, then the
                                 # submissions that could not be graded, with the reason
    make report WHAT=exercises   # per test cell: mean score, share of full marks
    make report WHAT=report      # per exercise: the table and bar plot that
                                 # `make grades` writes to <root>/report/
    (or .venv/bin/python autograde/grading/instructor/report.py summary | exercises | report)

The gradebook is RNNCOURSE_DB_URL (SQLite or PostgreSQL), else <root>/gradebook.db.
A submission is "not graded" when the autograde command recorded a failure for it
(<root>/not_graded.json, see grading/instructor/outcomes.py) or the gradebook holds no score for it:
it is shown as NOT GRADED, never as a zero, and left out of the exercise statistics.
An assignment a student has no submission of is "not submitted".
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # autograde/, for `grading`

from grading import SOLUTIONS  # noqa: E402
from grading.instructor import gradebook, nbgrader_run, outcomes  # noqa: E402
from grading.anatomy import answer_ids, exercise_of, read  # noqa: E402


def db_url() -> str:
    """The instructor's gradebook (see ``nbgrader_run.gradebook_url``)."""
    return nbgrader_run.gradebook_url()


def collect(url: str):
    """``{(student, assignment): {grade_id: (score, max_score)}}`` for submitted work; a
    test cell without a score (never autograded) is left out, so a submission that was never
    graded maps to ``{}``."""
    out = {}
    with gradebook.open_gradebook(nbgrader_run.with_driver(url)) as gb:
        for assignment in gb.assignments:
            for sub in gb.assignment_submissions(assignment.name):
                grades = {}
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        # nbgrader's Grade.score reads 0 when neither score is set
                        if grade.max_score and (grade.auto_score is not None
                                                or grade.manual_score is not None):
                            grades[grade.name] = (float(grade.score), float(grade.max_score))
                out[(sub.student.id, assignment.name)] = grades
    return out


NO_SCORES = "no score in the gradebook (not autograded yet?)"


def not_graded(results, recorded: dict | None = None) -> dict[tuple[str, str], str]:
    """``{(student, assignment): reason}``: the failures the autograde command recorded
    (``recorded``, else ``<root>/not_graded.json``) and submissions without any score."""
    recorded = outcomes.load(nbgrader_run.course_root()) if recorded is None else recorded
    out = outcomes.pairs(recorded)
    for key, grades in results.items():
        if not grades:
            out.setdefault(key, NO_SCORES)
    return out


def graded_only(results, failed: dict) -> dict:
    """``results`` without the submissions that could not be graded."""
    return {k: g for k, g in results.items() if k not in failed}


NOT_GRADED, NOT_SUBMITTED = "NOT GRADED", "not submitted"


def summary(results, failed: dict | None = None) -> str:
    """One row per student, one column per assignment: points, NOT GRADED or not submitted.
    ``failed``: ``{(student, assignment): reason}`` (default: ``not_graded(results)``)."""
    failed = not_graded(results) if failed is None else failed
    assignments = sorted({a for _, a in results} | {a for _, a in failed})
    students = sorted({s for s, _ in results} | {s for s, _ in failed})

    def cell(s, a):
        if (s, a) in failed:
            return NOT_GRADED
        g = results.get((s, a))
        if g is None:
            return NOT_SUBMITTED
        return f"{sum(v for v, _ in g.values()):g}/{sum(m for _, m in g.values()):g}"

    rows = [[s] + [cell(s, a) for a in assignments] for s in students]
    header = ["student"] + assignments
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    lines = [header[0].ljust(widths[0]) + "".join(f"  {h:>{w}}" for h, w in zip(header[1:], widths[1:]))]
    lines += [r[0].ljust(widths[0]) + "".join(f"  {c:>{w}}" for c, w in zip(r[1:], widths[1:])) for r in rows]
    return "\n".join(lines)


def not_graded_lines(failed: dict) -> str:
    """``NOT GRADED: <assignment> of <student>: <reason>``, one line each, for the end of a report."""
    return "\n".join(f"NOT GRADED: {a} of {s}: {reason}" for (s, a), reason in sorted(
        failed.items(), key=lambda kv: (kv[0][1], kv[0][0])))


def exercises(results, failed: dict | None = None) -> str:
    failed = not_graded(results) if failed is None else failed
    per = defaultdict(list)
    for (_, a), grades in graded_only(results, failed).items():
        for gid, (score, max_score) in grades.items():
            per[(a, gid)].append((score, max_score))
    width = max((len(a) for a, _ in per), default=10) + 2
    lines = [f"{'assignment':<{width}}{'test cell':<44}{'mean':>8}{'full':>8}"]
    for (a, gid), vals in sorted(per.items()):
        mean = sum(s / m for s, m in vals) / len(vals)
        full = sum(s == m for s, m in vals) / len(vals)
        lines.append(f"{a:<{width}}{gid:<44}{mean:>8.0%}{full:>8.0%}")
    return "\n".join(lines)


# --- one row per student and assignment (grades.csv, the feedback index) -----------------

@dataclass
class GradeRow:
    """What became of one student's assignment: graded (with a score), not graded (with a
    reason) or not submitted."""
    student: str
    assignment: str
    status: str                 # "graded" | "not graded" | "not submitted"
    score: float | None
    max_score: float
    timestamp: str = ""
    reason: str = ""

    CSV_FIELDS = ("student", "assignment", "status", "score", "max_score", "timestamp", "reason")

    def csv(self) -> dict:
        return {"student": self.student, "assignment": self.assignment, "status": self.status,
                "score": "" if self.score is None else f"{self.score:g}",
                "max_score": f"{self.max_score:g}", "timestamp": self.timestamp, "reason": self.reason}


def class_list(url: str) -> tuple[list[str], dict[str, float], dict[tuple[str, str], str]]:
    """From the gradebook: the students, ``{assignment: max score}`` and the submissions'
    timestamps ``{(student, assignment): timestamp}`` (those nbgrader recorded)."""
    with gradebook.open_gradebook(nbgrader_run.with_driver(url)) as gb:
        students = sorted(s.id for s in gb.students)
        maxima = {a.name: float(a.max_score or 0) for a in gb.assignments}
        stamps = {(sub.student.id, a.name): str(sub.timestamp) for a in gb.assignments
                  for sub in gb.assignment_submissions(a.name) if sub.timestamp}
    return students, maxima, stamps


def submission_timestamp(root: Path, student: str, assignment: str, recorded: str = "") -> str:
    """The submission's ``timestamp.txt`` (as nbgrader collect writes it), else ``recorded``."""
    try:
        return (Path(root) / "submitted" / student / assignment / "timestamp.txt").read_text().strip()
    except OSError:
        return recorded


def grade_rows(results, failed: dict, students: list[str], maxima: dict[str, float],
               stamps: dict | None = None, root: Path | None = None) -> list[GradeRow]:
    """One ``GradeRow`` per student and assignment, every student of the class included."""
    root = nbgrader_run.course_root() if root is None else root
    stamps = stamps or {}
    everyone = sorted(set(students) | {s for s, _ in results} | {s for s, _ in failed})
    rows = []
    for a in sorted(maxima):
        for s in everyone:
            stamp = submission_timestamp(root, s, a, stamps.get((s, a), ""))
            if (s, a) in failed:
                rows.append(GradeRow(s, a, "not graded", None, maxima[a], stamp, failed[(s, a)]))
            elif (s, a) in results:
                score = sum(v for v, _ in results[(s, a)].values())
                rows.append(GradeRow(s, a, "graded", score, maxima[a], stamp))
            else:
                rows.append(GradeRow(s, a, "not submitted", None, maxima[a]))
    return rows


def write_grades_csv(rows: list[GradeRow], path: Path) -> Path:
    import csv
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=GradeRow.CSV_FIELDS)
        writer.writeheader()
        writer.writerows(r.csv() for r in rows)
    return path


def class_rows(url: str, root: Path | None = None) -> list[GradeRow]:
    """``grade_rows`` of the instructor's gradebook and recorded failures."""
    root = nbgrader_run.course_root() if root is None else root
    results = collect(url)
    students, maxima, stamps = class_list(url)
    return grade_rows(results, not_graded(results, outcomes.load(root)), students, maxima, stamps, root)


def write_feedback_index(rows: list[GradeRow], folder: Path) -> Path:
    """``folder/index.html``: per student and assignment a link to the feedback, or why
    there is none (NOT GRADED with the reason, not submitted)."""
    from html import escape
    out = ["<!doctype html><meta charset='utf-8'><title>rnncourse feedback</title>",
           "<h1>Feedback</h1><table border='1' cellpadding='4'>",
           "<tr><th>student</th><th>assignment</th><th>score</th><th>feedback</th></tr>"]
    for r in sorted(rows, key=lambda r: (r.student, r.assignment)):
        page = folder / r.student / r.assignment / f"{r.assignment}.html"
        if r.status == "graded":
            score = f"{r.score:g} / {r.max_score:g}"
            link = (f"<a href='{escape(str(page.relative_to(folder)))}'>feedback</a>"
                    if page.exists() else "no feedback generated: run make feedback")
        elif r.status == "not graded":
            score, link = "<b>NOT GRADED</b>", escape(r.reason)
        else:
            score, link = NOT_SUBMITTED, ""
        out.append(f"<tr><td>{escape(r.student)}</td><td>{escape(r.assignment)}</td>"
                   f"<td>{score}</td><td>{link}</td></tr>")
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text("\n".join(out + ["</table>"]) + "\n")
    return index


# --- per exercise ------------------------------------------------------------------------

@dataclass
class ExerciseStat:
    """How a class did on one exercise (an answer cell and the test cells that check it)."""
    assignment: str
    exercise: str
    submissions: int
    max_points: float
    mean_points: float
    full_marks: float           # share of submissions with every point of the exercise
    failing: str | None = None  # the test cell failed by the most submissions
    failing_count: int = 0

    @property
    def mean_share(self) -> float:
        return self.mean_points / self.max_points if self.max_points else 0.0


def notebook_order(assignment: str, names: list[str]) -> list[str]:
    """``names`` in the order of the assignment's answer cells in solutions/ (the
    gradebook keeps no order); names not found there, and all without it, by name."""
    path = SOLUTIONS / assignment / f"{assignment}.ipynb"
    order = answer_ids(read(path)) if path.exists() else []
    rank = {name: i for i, name in enumerate(order)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))


def answer_cells(url: str) -> dict[str, list[str]]:
    """``{assignment: names of its answer (solution) cells}``, from the gradebook."""
    out = {}
    with gradebook.open_gradebook(nbgrader_run.with_driver(url)) as gb:
        for assignment in gb.assignments:
            names = [c.name for nb in assignment.notebooks for c in nb.solution_cells]
            out[assignment.name] = notebook_order(assignment.name, names)
    return out


def by_exercise(results, answers) -> dict:
    """``{(assignment, exercise): {(student): {grade_id: (score, max)}}}``; a test cell
    that checks no answer cell is an exercise of its own."""
    out: dict = defaultdict(lambda: defaultdict(dict))
    for (student, a), grades in results.items():
        for gid, value in grades.items():
            exercise = exercise_of(gid, answers.get(a, [])) or gid
            out[(a, exercise)][student][gid] = value
    return out


def stat_of(assignment: str, exercise: str, per_student: dict) -> ExerciseStat:
    """The numbers of one exercise from each student's test cell scores."""
    totals = [(sum(s for s, _ in g.values()), sum(m for _, m in g.values()))
              for g in per_student.values()]
    failing = Counter(gid for g in per_student.values() for gid, (s, m) in g.items() if s < m)
    worst = min(failing.items(), key=lambda kv: (-kv[1], kv[0])) if failing else (None, 0)
    return ExerciseStat(
        assignment, exercise, submissions=len(totals),
        max_points=max((m for _, m in totals), default=0.0),
        mean_points=sum(s for s, _ in totals) / len(totals),
        full_marks=sum(s >= m - 1e-9 for s, m in totals) / len(totals),
        failing=worst[0], failing_count=worst[1])


def exercise_stats(results, answers, failed: dict | None = None) -> list[ExerciseStat]:
    """One ``ExerciseStat`` per assignment and exercise, in course and notebook order, over
    the graded submissions only (``failed``: default ``not_graded(results)``)."""
    failed = not_graded(results) if failed is None else failed
    grouped = by_exercise(graded_only(results, failed), answers)
    def key(item):
        a, exercise = item
        names = answers.get(a, [])
        return (a, names.index(exercise) if exercise in names else len(names), exercise)
    return [stat_of(a, ex, grouped[(a, ex)]) for a, ex in sorted(grouped, key=key)]


def exercises_markdown(stats: list[ExerciseStat]) -> str:
    """The per-exercise table as Markdown."""
    lines = ["| assignment | exercise | submissions | mean score | full marks | most common failing test |",
             "| --- | --- | ---: | ---: | ---: | --- |"]
    for st in stats:
        failing = f"`{st.failing}` ({st.failing_count}/{st.submissions})" if st.failing else "none"
        lines.append(f"| {st.assignment} | `{st.exercise}` | {st.submissions} | "
                     f"{st.mean_points:.2f} / {st.max_points:g} ({st.mean_share:.0%}) | "
                     f"{st.full_marks:.0%} | {failing} |")
    return "\n".join(lines)


def plot_exercises(stats: list[ExerciseStat], path: Path) -> Path:
    """A horizontal bar plot per exercise: mean score and share of full marks (PNG, Agg)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    labels = [f"{st.assignment[:2]} {st.exercise}" for st in stats][::-1]
    mean = [100 * st.mean_share for st in stats][::-1]
    full = [100 * st.full_marks for st in stats][::-1]
    fig = Figure(figsize=(8, 1.2 + 0.32 * len(stats)))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    rows = range(len(stats))
    ax.barh([r + 0.2 for r in rows], mean, height=0.4, label="mean score")
    ax.barh([r - 0.2 for r in rows], full, height=0.4, label="full marks")
    ax.set_yticks(list(rows), labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of submissions / of the exercise's points")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Per exercise: mean score and share of full marks")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return path


def write_exercise_report(stats: list[ExerciseStat], folder: Path,
                          failed: dict | None = None) -> tuple[Path, Path]:
    """``folder/exercises.md`` (with the submissions left out because they could not be
    graded, and why, at the end) and ``folder/exercises.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "exercises.md"
    text = "# Per-exercise results\n\n" + exercises_markdown(stats) + "\n"
    if failed:
        text += ("\n## Not graded (left out of the statistics)\n\n"
                 + "".join(f"- {a} of {s}: {reason}\n" for (s, a), reason in sorted(failed.items())))
    md.write_text(text)
    return md, plot_exercises(stats, folder / "exercises.png")


def main(argv) -> int:
    what = argv[0] if argv else "summary"
    if what not in {"summary", "exercises", "report"}:
        print(__doc__)
        return 2
    results = collect(db_url())
    if not results:
        print("no graded submissions in the gradebook yet")
        return 0
    failed = not_graded(results)
    if what == "report":
        stats = exercise_stats(results, answer_cells(db_url()), failed)
        md, png = write_exercise_report(stats, nbgrader_run.course_root() / "report", failed)
        print(exercises_markdown(stats) + f"\nwrote {md} and {png}")
    elif what == "summary":
        print(summary(results, failed))
    else:
        print(exercises(results, failed))
    if failed:
        print("\n" + not_graded_lines(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
