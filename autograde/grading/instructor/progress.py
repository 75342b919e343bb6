"""What the instructor sees while a class is graded: a progress bar and each failure.

    Progress(total, stream) the bar: students done/total, failures, time spent and left
"""
from __future__ import annotations

import sys
import threading
import time


def format_duration(seconds: float) -> str:
    """``75`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``."""
    seconds = int(round(max(seconds, 0)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def eta(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left at the rate so far (which already includes the parallelism)."""
    return None if done == 0 else elapsed / done * (total - done)


def format_progress(done: int, total: int, failed: int, elapsed: float, width: int = 24) -> str:
    """The progress line: bar, students done/total, failures, time spent and left."""
    filled = width * done // total if total else width
    left = eta(done, total, elapsed)
    left_text = "estimating" if left is None else f"~{format_duration(left)} left"
    return (f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} students, "
            f"{failed} failed, {format_duration(elapsed)} elapsed, {left_text}")


class Progress:
    """A progress bar on ``stream``: redrawn in place on a terminal, a line per student
    in a log; each failure is printed with its reason.

    ``update`` takes anything with ``.ok``, ``.student`` and ``.error`` (a grading result)."""

    def __init__(self, total: int, stream=None, clock=time.monotonic):
        self.total, self.done, self.failed = total, 0, 0
        self.stream = sys.stderr if stream is None else stream
        self.clock, self.start = clock, clock()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()

    def line(self) -> str:
        return format_progress(self.done, self.total, self.failed, self.clock() - self.start)

    def draw(self) -> None:
        self.stream.write(f"\r\033[K{self.line()}" if self.tty else self.line() + "\n")
        self.stream.flush()

    def update(self, result) -> None:
        with self._lock:
            self.done += 1
            if not result.ok:
                self.failed += 1
                note = f"failed: {result.student}: {result.error}"
                self.stream.write(("\r\033[K" if self.tty else "") + note + "\n")
            self.draw()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
