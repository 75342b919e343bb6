"""Read the gradebook and print what an instructor wants to see after grading.

    python autograde/report.py summary     # one line per student: score per assignment
    python autograde/report.py exercises   # per exercise: mean score, share of full marks
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def db_url() -> str:
    root = Path(os.environ.get("RNNCOURSE_GRADING_ROOT", HERE))
    return os.environ.get("RNNCOURSE_DB_URL", "sqlite:///" + str(root / "gradebook.db"))


def collect(url: str):
    """``{(student, assignment): {grade_id: (score, max_score)}}`` for submitted work."""
    from nbgrader.api import Gradebook
    out = {}
    with Gradebook(url) as gb:
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


def main(argv) -> int:
    what = argv[0] if argv else "summary"
    if what not in {"summary", "exercises"}:
        print(__doc__)
        return 2
    results = collect(db_url())
    if not results:
        print("no graded submissions in the gradebook yet")
        return 0
    print(summary(results) if what == "summary" else exercises(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
