"""The progress bar of `make autograde` (grading/instructor/progress.py)."""
from __future__ import annotations

import io
from types import SimpleNamespace


from grading.instructor import progress


def test_progress_line_shows_students_done_failures_and_time_left():
    line = progress.format_progress(10, 40, 2, 30.0, width=20)
    assert line.startswith("[#####" + "." * 15 + "]")
    assert "10/40 students" in line and "2 failed" in line
    assert "0:30 elapsed" in line and "~1:30 left" in line  # 30 s for 10, 30 to go


def test_progress_line_estimates_until_the_first_student_is_done():
    line = progress.format_progress(0, 5, 0, 3.0, width=10)
    assert line.startswith("[" + "." * 10 + "]") and "0/5 students" in line and "estimating" in line


def test_durations_read_as_minutes_or_hours():
    assert progress.format_duration(75) == "1:15"
    assert progress.format_duration(3725) == "1:02:05"
    assert progress.format_duration(-3) == "0:00"


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def graded(student: str, error: str = ""):
    return SimpleNamespace(student=student, ok=not error, error=error)


def test_progress_writes_a_line_per_student_in_a_log_and_names_failures():
    stream, clock = io.StringIO(), FakeClock()
    bar = progress.Progress(3, stream, clock)
    clock.now += 10
    bar.update(graded("ann"))
    clock.now += 10
    bar.update(graded("bob", "ValueError: Notebook does not appear to be JSON"))
    lines = stream.getvalue().splitlines()
    assert "1/3 students, 0 failed" in lines[0] and "~0:20 left" in lines[0]
    assert lines[1] == "failed: bob: ValueError: Notebook does not appear to be JSON"
    assert "2/3 students, 1 failed" in lines[2] and "0:20 elapsed" in lines[2]


def test_progress_redraws_one_line_in_place_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    stream = Tty()
    bar = progress.Progress(2, stream, FakeClock())
    bar.update(graded("ann"))
    bar.update(graded("bob"))
    bar.finish()
    text = stream.getvalue()
    assert text.count("\r\033[K") == 2 and text.count("\n") == 1
    assert text.endswith("2/2 students, 0 failed, 0:00 elapsed, ~0:00 left\n")
