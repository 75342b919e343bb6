"""The instructor's per-exercise report (report.py, `make grades`), from a tiny gradebook."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import report
from grading import AUTOGRADE

# nbgrader's add_submission trips SQLAlchemy 2's backref-cascade warning; harmless here
pytestmark = pytest.mark.filterwarnings("ignore:Object of type:sqlalchemy.exc.SAWarning")

# assignment "a1": exercise `windows` (two test cells), question `q1`; "a2": one test cell
# that checks no answer cell. dan's notebook could not be graded (no scores at all).
CELLS = {"a1": {"test_windows_shape": 2, "test_windows_values": 3, "test_q1": 1},
         "a2": {"test_style": 1}}
ANSWERS = {"a1": ["windows", "q1"], "a2": []}
SCORES = {
    "ann": {"test_windows_shape": 2, "test_windows_values": 3, "test_q1": 1, "test_style": 1},
    "bob": {"test_windows_shape": 2, "test_windows_values": 0, "test_q1": 1, "test_style": 0},
    "cat": {"test_windows_shape": 0, "test_windows_values": 0, "test_q1": 0, "test_style": 1},
    "dan": {},
}


@pytest.fixture
def gradebook(tmp_path, monkeypatch) -> str:
    from nbgrader.api import Gradebook
    # a new gradebook asks the `alembic` command for its schema version
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url, course_id="rnncourse") as gb:
        for a, cells in CELLS.items():
            gb.add_assignment(a)
            gb.add_notebook(a, a)
            for name in ANSWERS[a]:
                gb.add_solution_cell(name, a, a)
            for name, points in cells.items():
                gb.add_grade_cell(name, a, a, max_score=points, cell_type="code")
        for student, scores in SCORES.items():
            gb.add_student(student)
            for a, cells in CELLS.items():
                gb.add_submission(a, student)
                for name in cells:
                    if name in scores:
                        gb.find_grade(name, a, a, student).auto_score = scores[name]
        gb.db.commit()
    return url


def test_answer_cells_come_from_the_gradebook(gradebook):
    assert report.answer_cells(gradebook) == {"a1": ["q1", "windows"], "a2": []}  # no solutions/: by name


def test_answer_cells_follow_the_notebook_order_when_the_solution_exists():
    assert report.notebook_order("01_sequential_data", ["one_hot", "zzz", "make_windows"]) == \
        ["make_windows", "one_hot", "zzz"]


def test_exercise_table_numbers(gradebook):
    stats = report.exercise_stats(report.collect(gradebook), report.answer_cells(gradebook))
    by_name = {(s.assignment, s.exercise): s for s in stats}
    assert list(by_name) == [("a1", "q1"), ("a1", "windows"), ("a2", "test_style")]

    windows = by_name[("a1", "windows")]  # totals 5, 2, 0, 0 of 5
    assert windows.submissions == 4 and windows.max_points == 5
    assert windows.mean_points == pytest.approx(7 / 4) and windows.mean_share == pytest.approx(7 / 20)
    assert windows.full_marks == pytest.approx(1 / 4)
    assert (windows.failing, windows.failing_count) == ("test_windows_values", 3)  # bob, cat, dan

    q1 = by_name[("a1", "q1")]
    assert (q1.mean_points, q1.full_marks, q1.failing, q1.failing_count) == (0.5, 0.5, "test_q1", 2)

    style = by_name[("a2", "test_style")]  # a test of no exercise stands for itself
    assert (style.mean_points, style.full_marks, style.failing_count) == (0.5, 0.5, 2)


def test_an_exercise_nobody_fails_has_no_failing_test():
    stats = report.exercise_stats({("ann", "a"): {"test_f": (2.0, 2.0)}, ("bob", "a"): {"test_f": (2.0, 2.0)}},
                                  {"a": ["f"]})
    assert [(s.exercise, s.mean_share, s.full_marks, s.failing) for s in stats] == [("f", 1.0, 1.0, None)]
    assert "| a | `f` | 2 | 2.00 / 2 (100%) | 100% | none |" in report.exercises_markdown(stats)


def test_markdown_table_and_plot_are_written(gradebook, tmp_path):
    stats = report.exercise_stats(report.collect(gradebook), report.answer_cells(gradebook))
    md, png = report.write_exercise_report(stats, tmp_path / "report")
    text = md.read_text()
    assert "| a1 | `windows` | 4 | 1.75 / 5 (35%) | 25% | `test_windows_values` (3/4) |" in text
    assert "| a1 | `q1` | 4 | 0.50 / 1 (50%) | 50% | `test_q1` (2/4) |" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


@pytest.mark.slow
def test_make_grades_writes_the_csv_and_the_exercise_report(gradebook, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "RNNCOURSE_DB_URL"}
    env["RNNCOURSE_GRADING_ROOT"] = str(tmp_path)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run([sys.executable, str(AUTOGRADE / "pipeline.py"), "grades"],
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    csv = (tmp_path / "grades.csv").read_text().splitlines()
    assert len(csv) == 1 + len(SCORES) * len(CELLS)  # header, one row per student and assignment
    assert "`test_windows_values` (3/4)" in (tmp_path / "report" / "exercises.md").read_text()
    assert (tmp_path / "report" / "exercises.png").exists()
    assert "| a1 | `windows` |" in proc.stdout
