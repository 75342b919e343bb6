"""Read the gradebook and print what an instructor wants to see after grading.

    python autograde/report.py summary     # one line per student: score per assignment
    python autograde/report.py exercises   # per test cell: mean score, share of full marks
    python autograde/report.py report      # per exercise: the table and bar plot that
                                           # `make grades` writes to <root>/report/

The gradebook is RNNCOURSE_DB_URL (SQLite or PostgreSQL), else <root>/gradebook.db.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from grading import SOLUTIONS, nbgrader_run  # noqa: E402
from grading.anatomy import answer_ids, exercise_of, read  # noqa: E402


def db_url() -> str:
    """The instructor's gradebook (see ``nbgrader_run.gradebook_url``)."""
    return nbgrader_run.gradebook_url()


def collect(url: str):
    """``{(student, assignment): {grade_id: (score, max_score)}}`` for submitted work."""
    from nbgrader.api import Gradebook
    out = {}
    with Gradebook(nbgrader_run.with_driver(url), course_id="rnncourse") as gb:
        for assignment in gb.assignments:
            for sub in gb.assignment_submissions(assignment.name):
                grades = {}
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        if grade.max_score:
                            grades[grade.name] = (float(grade.score or 0), float(grade.max_score))
                out[(sub.student.id, assignment.name)] = grades
    return out


def summary(results) -> str:
    assignments = sorted({a for _, a in results})
    students = sorted({s for s, _ in results})
    lines = ["student".ljust(20) + "".join(a[:14].rjust(16) for a in assignments)]
    for s in students:
        cells = []
        for a in assignments:
            g = results.get((s, a))
            cells.append(f"{sum(v for v, _ in g.values()):g}/{sum(m for _, m in g.values()):g}".rjust(16)
                         if g else "-".rjust(16))
        lines.append(s[:20].ljust(20) + "".join(cells))
    return "\n".join(lines)


def exercises(results) -> str:
    per = defaultdict(list)
    for (_, a), grades in results.items():
        for gid, (score, max_score) in grades.items():
            per[(a, gid)].append((score, max_score))
    lines = [f"{'assignment':<22}{'test cell':<44}{'mean':>8}{'full':>8}"]
    for (a, gid), vals in sorted(per.items()):
        mean = sum(s / m for s, m in vals) / len(vals)
        full = sum(s == m for s, m in vals) / len(vals)
        lines.append(f"{a:<22}{gid[:43]:<44}{mean:>8.0%}{full:>8.0%}")
    return "\n".join(lines)


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
    from nbgrader.api import Gradebook
    out = {}
    with Gradebook(nbgrader_run.with_driver(url), course_id="rnncourse") as gb:
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


def exercise_stats(results, answers) -> list[ExerciseStat]:
    """One ``ExerciseStat`` per assignment and exercise, in course and notebook order."""
    grouped = by_exercise(results, answers)
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


def write_exercise_report(stats: list[ExerciseStat], folder: Path) -> tuple[Path, Path]:
    """``folder/exercises.md`` and ``folder/exercises.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "exercises.md"
    md.write_text("# Per-exercise results\n\n" + exercises_markdown(stats) + "\n")
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
    if what == "report":
        stats = exercise_stats(results, answer_cells(db_url()))
        md, png = write_exercise_report(stats, nbgrader_run.course_root() / "report")
        print(exercises_markdown(stats) + f"\nwrote {md} and {png}")
        return 0
    print(summary(results) if what == "summary" else exercises(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
