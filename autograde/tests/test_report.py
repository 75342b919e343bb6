"""The instructor's per-exercise report (report.py, `make grades`), from a tiny gradebook."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from grading.instructor import report
from grading import PIPELINE

# nbgrader's add_submission trips SQLAlchemy 2's backref-cascade warning; harmless here
from grading.instructor import outcomes

# nbgrader's add_submission trips SQLAlchemy 2's backref-cascade warning; harmless here
pytestmark = pytest.mark.filterwarnings("ignore:Object of type:sqlalchemy.exc.SAWarning")

# assignment "a1": exercise `windows` (two test cells), question `q1`; "a2": one test cell
# that checks no answer cell. dan's notebooks were never graded (no scores at all); eve is in
# the class but submitted nothing.
CELLS = {"a1": {"test_windows_shape": 2, "test_windows_values": 3, "test_q1": 1},
         "a2": {"test_style": 1}}
ANSWERS = {"a1": ["windows", "q1"], "a2": []}
SCORES = {
    "ann": {"test_windows_shape": 2, "test_windows_values": 3, "test_q1": 1, "test_style": 1},
    "bob": {"test_windows_shape": 2, "test_windows_values": 0, "test_q1": 1, "test_style": 0},
    "cat": {"test_windows_shape": 0, "test_windows_values": 0, "test_q1": 0, "test_style": 1},
    "dan": {},
}


@pytest.fixture(autouse=True)
def course_root(tmp_path, monkeypatch) -> Path:
    """A scratch course root: no recorded failure of the real one leaks into a test."""
    monkeypatch.setenv("RNNCOURSE_GRADING_ROOT", str(tmp_path))
    monkeypatch.delenv("RNNCOURSE_DB_URL", raising=False)
    return tmp_path


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
        gb.add_student("eve")
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

    windows = by_name[("a1", "windows")]  # totals 5, 2, 0 of 5; dan was not graded
    assert windows.submissions == 3 and windows.max_points == 5
    assert windows.mean_points == pytest.approx(7 / 3) and windows.mean_share == pytest.approx(7 / 15)
    assert windows.full_marks == pytest.approx(1 / 3)
    assert (windows.failing, windows.failing_count) == ("test_windows_values", 2)  # bob, cat

    q1 = by_name[("a1", "q1")]
    assert (q1.mean_points, q1.full_marks, q1.failing, q1.failing_count) == \
        (pytest.approx(2 / 3), pytest.approx(2 / 3), "test_q1", 1)

    style = by_name[("a2", "test_style")]  # a test of no exercise stands for itself
    assert (style.mean_points, style.full_marks, style.failing_count) == \
        (pytest.approx(2 / 3), pytest.approx(2 / 3), 1)


def test_an_exercise_nobody_fails_has_no_failing_test():
    stats = report.exercise_stats({("ann", "a"): {"test_f": (2.0, 2.0)}, ("bob", "a"): {"test_f": (2.0, 2.0)}},
                                  {"a": ["f"]})
    assert [(s.exercise, s.mean_share, s.full_marks, s.failing) for s in stats] == [("f", 1.0, 1.0, None)]
    assert "| a | `f` | 2 | 2.00 / 2 (100%) | 100% | none |" in report.exercises_markdown(stats)


def test_markdown_table_and_plot_are_written(gradebook, tmp_path):
    stats = report.exercise_stats(report.collect(gradebook), report.answer_cells(gradebook))
    md, png = report.write_exercise_report(stats, tmp_path / "report")
    text = md.read_text()
    assert "| a1 | `windows` | 3 | 2.33 / 5 (47%) | 33% | `test_windows_values` (2/3) |" in text
    assert "| a1 | `q1` | 3 | 0.67 / 1 (67%) | 67% | `test_q1` (1/3) |" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_a_submission_that_could_not_be_graded_is_not_graded_and_not_a_zero(gradebook, course_root):
    outcomes.record(course_root, "a2", ["ann", "bob"], [("bob", "Notebook JSON is invalid")])
    results = report.collect(gradebook)
    failed = report.not_graded(results)
    assert failed == {("bob", "a2"): "Notebook JSON is invalid",
                      ("dan", "a1"): report.NO_SCORES, ("dan", "a2"): report.NO_SCORES}
    table = report.summary(results).splitlines()
    assert table[0].split() == ["student", "a1", "a2"]
    assert table[2].split() == ["bob", "3/6", "NOT", "GRADED"] and "0/" not in table[4]
    stats = {st.exercise: st for st in report.exercise_stats(results, report.answer_cells(gradebook))}
    assert stats["test_style"].submissions == 2 and stats["test_style"].mean_points == 1  # ann, cat
    assert report.not_graded_lines(failed).splitlines() == [
        f"NOT GRADED: a1 of dan: {report.NO_SCORES}", "NOT GRADED: a2 of bob: Notebook JSON is invalid",
        f"NOT GRADED: a2 of dan: {report.NO_SCORES}"]


def test_summary_keeps_whole_assignment_names_and_marks_the_unsubmitted():
    results = {("ann", "01_sequential_data"): {"t": (2.0, 3.0)},
               ("bob", "10_bidirectional_masking"): {"t": (1.0, 1.0)}}
    lines = report.summary(results, failed={}).splitlines()
    assert lines[0].split() == ["student", "01_sequential_data", "10_bidirectional_masking"]
    assert lines[1].split() == ["ann", "2/3", "not", "submitted"]
    assert lines[2].split() == ["bob", "not", "submitted", "1/1"]


def test_grade_rows_have_a_status_and_no_score_unless_graded(gradebook, course_root):
    outcomes.record(course_root, "a2", ["bob"], [("bob", "kernel died")])
    (course_root / "submitted" / "ann" / "a1").mkdir(parents=True)
    (course_root / "submitted" / "ann" / "a1" / "timestamp.txt").write_text("2026-03-01 09:30:00 UTC\n")
    rows = {(r.student, r.assignment): r for r in report.class_rows(gradebook, course_root)}
    assert len(rows) == 5 * 2  # every student of the class, every assignment
    assert rows[("ann", "a1")].csv() == {"student": "ann", "assignment": "a1", "status": "graded",
                                         "score": "6", "max_score": "6",
                                         "timestamp": "2026-03-01 09:30:00 UTC", "reason": ""}
    assert rows[("cat", "a1")].csv()["score"] == "0" and rows[("cat", "a1")].status == "graded"  # a real zero
    assert (rows[("bob", "a2")].status, rows[("bob", "a2")].score, rows[("bob", "a2")].reason) == \
        ("not graded", None, "kernel died")
    assert rows[("dan", "a1")].status == "not graded" and rows[("dan", "a1")].csv()["score"] == ""
    assert rows[("eve", "a1")].csv() == {"student": "eve", "assignment": "a1", "status": "not submitted",
                                         "score": "", "max_score": "6", "timestamp": "", "reason": ""}


def test_feedback_index_names_what_was_not_graded_and_not_submitted(tmp_path):
    rows = [report.GradeRow("ann", "a1", "graded", 5.0, 6.0),
            report.GradeRow("bob", "a1", "not graded", None, 6.0, reason="Notebook JSON is invalid"),
            report.GradeRow("eve", "a1", "not submitted", None, 6.0)]
    (tmp_path / "ann" / "a1").mkdir(parents=True)
    (tmp_path / "ann" / "a1" / "a1.html").write_text("<html></html>")
    html = report.write_feedback_index(rows, tmp_path).read_text()
    assert "<a href='ann/a1/a1.html'>feedback</a>" in html and "5 / 6" in html
    assert "<b>NOT GRADED</b></td><td>Notebook JSON is invalid" in html
    assert "<td>eve</td><td>a1</td><td>not submitted</td>" in html


def test_recorded_failures_are_cleared_when_the_student_is_graded(tmp_path):
    class Result:  # parallel.Result's interface
        def __init__(self, student, error=""):
            self.student, self.error, self.ok = student, error, not error
    assert outcomes.record(tmp_path, "a1", ["ann", "bob"], [Result("ann"), Result("bob", "invalid JSON")]) \
        == {"bob": "invalid JSON"}
    outcomes.record(tmp_path, "a2", ["bob"], [("bob", "timeout")])
    assert outcomes.load(tmp_path) == {"a1": {"bob": "invalid JSON"}, "a2": {"bob": "timeout"}}
    outcomes.record(tmp_path, "a1", ["ann"], [Result("ann")])  # bob not graded again: kept
    assert outcomes.load(tmp_path)["a1"] == {"bob": "invalid JSON"}
    outcomes.record(tmp_path, "a1", ["bob"], [Result("bob")])
    assert outcomes.load(tmp_path) == {"a2": {"bob": "timeout"}}
    outcomes.record(tmp_path, "a2", ["bob"], [])
    assert not outcomes.path(tmp_path).exists()


def test_a_corrupted_failure_record_is_a_clear_error(tmp_path):
    outcomes.path(tmp_path).write_text("{not json")
    with pytest.raises(ValueError, match="not_graded.json is not valid JSON"):
        outcomes.load(tmp_path)


@pytest.mark.slow
def test_make_grades_writes_the_csv_and_the_exercise_report(gradebook, tmp_path):
    outcomes.record(tmp_path, "a2", ["bob"], [("bob", "Notebook JSON is invalid")])
    env = {k: v for k, v in os.environ.items() if k != "RNNCOURSE_DB_URL"}
    env["RNNCOURSE_GRADING_ROOT"] = str(tmp_path)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run([sys.executable, str(PIPELINE), "grades"],
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    csv = (tmp_path / "grades.csv").read_text().splitlines()
    assert csv[0] == "student,assignment,status,score,max_score,timestamp,reason"
    assert len(csv) == 1 + (len(SCORES) + 1) * len(CELLS)  # one row per student and assignment
    assert "bob,a2,not graded,,1,,Notebook JSON is invalid" in csv and "eve,a2,not submitted,,1,," in csv
    report_md = (tmp_path / "report" / "exercises.md").read_text()
    assert "`test_windows_values` (2/3)" in report_md and "- a2 of bob: Notebook JSON is invalid" in report_md
    assert (tmp_path / "report" / "exercises.png").exists()
    assert "| a1 | `windows` |" in proc.stdout
    assert "\nNOT GRADED: a2 of bob: Notebook JSON is invalid\n" in proc.stdout
