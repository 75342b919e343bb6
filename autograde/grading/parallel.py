"""Grade a class in parallel: one ``nbgrader autograde --student`` per student, N at a time.

    register(assignment, students)         generate_assignment, students, submissions
                                           (serialised across machines sharing a
                                           PostgreSQL gradebook by an advisory lock)
    grade_all(assignment, students, ...)   create the students, grade them in a pool of
                                           worker processes, show a progress bar

Every student's grading is a separate ``nbgrader autograde`` process writing to the same
gradebook. To lose or duplicate nothing:

- the assignment, all students and their (empty) submissions are written to the gradebook
  up front, by this process, so that a worker only fills in its own student's grades
  (nbgrader runs with ``--Autograde.create_student=False``: nothing is created by two
  writers, and a second machine registering the assignment leaves its cells in place);
- SQLite writers wait for each other (``?timeout=`` on the URL, the pysqlite busy timeout)
  instead of failing with "database is locked";
- a student whose run still failed on a lock (SQLite) or a deadlock / serialisation error
  (PostgreSQL) is graded again; ``--force`` makes a regrade replace, not add.

``shard("i/n")`` picks a stable subset of students so that several machines sharing one
PostgreSQL gradebook can each grade a disjoint part of the class.
"""
from __future__ import annotations

import importlib
import json
import os
import queue
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import warnings
import zlib
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import AUTOGRADE, nbgrader_run

COURSE_ID = "rnncourse"
SQLITE_TIMEOUT_S = 120
LOCK_ERRORS = ("database is locked", "deadlock detected", "could not serialize access",
               "could not obtain lock")
REGISTRATION_LOCK = 0x726E6E63  # pg_advisory_lock key ("rnnc")
ERROR_LINE = re.compile(r"^\s*(?:\[\w+ \| ERROR\] )?([\w.]*(?:Error|Exception|Exit)\w*: .+)$")


@dataclass
class Result:
    """How one student's ``nbgrader autograde`` went."""
    student: str
    returncode: int
    seconds: float
    attempts: int = 1
    output: str = ""  # the tail of nbgrader's log

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def error(self) -> str:
        return error_summary(self.output) if not self.ok else ""


# --- configuration -----------------------------------------------------------------------

def default_workers(environ=None) -> int:
    """``RNNCOURSE_WORKERS`` if set, else one worker per core this process may use."""
    environ = os.environ if environ is None else environ
    value = environ.get("RNNCOURSE_WORKERS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"RNNCOURSE_WORKERS must be a whole number >= 1, not {value!r}")
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS
        return max(1, os.cpu_count() or 1)


def parse_shard(spec: str) -> tuple[int, int]:
    """``"2/5"`` -> ``(2, 5)``: this machine grades part 2 of 5 (1-based)."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec or "")
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise ValueError(f"--shard wants i/n with 1 <= i <= n, e.g. 1/3; got {spec!r}")
    return int(match.group(1)), int(match.group(2))


def in_shard(student: str, index: int, count: int) -> bool:
    """Whether ``student`` belongs to shard ``index`` of ``count``. A hash of the id, not a
    position in a list: machines agree even if their copies of submitted/ differ."""
    return zlib.crc32(student.encode()) % count == index - 1


def shard(students: list[str], spec: str | None) -> list[str]:
    """The students of shard ``spec`` (``"i/n"``); all of them when ``spec`` is None."""
    if not spec:
        return list(students)
    index, count = parse_shard(spec)
    return [s for s in students if in_shard(s, index, count)]


def busy_url(url: str, timeout: float = SQLITE_TIMEOUT_S) -> str:
    """``url`` with a busy timeout when it is SQLite (writers then wait for the lock
    rather than fail); PostgreSQL with its driver named (``nbgrader_run.with_driver``)."""
    url = nbgrader_run.with_driver(url)
    if not url.startswith("sqlite") or re.search(r"[?&]timeout=", url):
        return url
    return f"{url}{'&' if '?' in url else '?'}timeout={timeout}"


# --- the gradebook -----------------------------------------------------------------------

@contextmanager
def registration_lock(url: str):
    """Hold a PostgreSQL advisory lock (a no-op elsewhere): machines that start grading at
    the same time register the assignment one after the other, not in a race."""
    if not url.startswith("postgres"):
        yield
        return
    from sqlalchemy import create_engine, text
    engine = create_engine(nbgrader_run.with_driver(url))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": REGISTRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": REGISTRATION_LOCK})
    finally:
        engine.dispose()


def register(assignment: str, students: list[str] = (), root: Path | None = None,
             release_dir: Path | None = None, db_url: str | None = None) -> str:
    """Put ``assignment`` (``nbgrader generate_assignment`` into ``release_dir``, default
    ``<root>/release``), ``students`` and their (still ungraded) submissions in the
    gradebook, under the registration lock. Returns the gradebook URL.

    The submissions are what makes this safe while another machine grades: nbgrader drops
    and re-creates a notebook's cells when it has no submissions yet, which would pull the
    cells from under the other machine's grades."""
    url = busy_url(db_url or nbgrader_run.gradebook_url(root))
    release_dir = release_dir or Path(root or nbgrader_run.course_root()) / "release"
    with registration_lock(url):
        nbgrader_run.release(assignment, root=root, release_dir=release_dir, db_url=url)
        create_students(url, students, assignment)
    return url


def create_students(url: str, students: list[str], assignment: str | None = None) -> int:
    """Add the students missing from the gradebook, and (with ``assignment``) their empty
    submissions of it; returns how many students were added."""
    from nbgrader.api import Gradebook, MissingEntry
    from sqlalchemy.exc import SAWarning
    with Gradebook(url, course_id=COURSE_ID) as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy 2's backref-cascade warning; harmless
        warnings.simplefilter("ignore", SAWarning)
        missing = sorted(set(students) - {s.id for s in gb.students})
        for student in missing:
            gb.update_or_create_student(student)
        for student in sorted(set(students)) if assignment else []:
            try:
                gb.find_submission(assignment, student)
            except MissingEntry:
                gb.add_submission(assignment, student)
    return len(missing)


# --- one student -------------------------------------------------------------------------

def autograde_command(assignment: str, student: str) -> list[str]:
    """The nbgrader command grading one student (who must already be in the gradebook)."""
    return [str(nbgrader_run.BIN / "nbgrader"), "autograde", assignment, "--force",
            f"--student={student}", "--Autograde.create_student=False"]


def run_nbgrader(cmd: list[str], env: dict) -> tuple[int, str]:
    """Run ``cmd`` in ``autograde/`` (where nbgrader_config.py is): (exit code, output)."""
    proc = subprocess.run(cmd, cwd=AUTOGRADE, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    return proc.returncode, proc.stdout


def is_lock_error(output: str) -> bool:
    """Whether a failed run failed on a database lock (worth another try)."""
    return any(err in output for err in LOCK_ERRORS)


def error_summary(output: str) -> str:
    """The most telling line of a failed run: its last ``SomeError: message`` line."""
    errors = [m.group(1) for m in map(ERROR_LINE.match, output.splitlines()) if m]
    if errors:
        return errors[-1][:300]
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def grade_student(assignment: str, student: str, env: dict, retries: int = 3,
                  runner=None) -> Result:
    """Grade one student; after a database lock error, wait a little and grade again.
    ``runner(cmd) -> (exit code, output)`` runs nbgrader (default: a plain subprocess)."""
    runner = runner or (lambda cmd: run_nbgrader(cmd, env))
    start = time.monotonic()
    for attempt in range(1, retries + 2):
        code, output = runner(autograde_command(assignment, student))
        if code == 0 or not is_lock_error(output) or attempt > retries:
            break
        time.sleep(attempt + random.random())
    return Result(student, code, time.monotonic() - start, attempt, output[-20_000:])


# --- nbgrader without its start-up cost --------------------------------------------------
# Importing nbgrader takes ~2 s (jsonschema's format checkers alone ~1 s), as long as a
# third of grading a light notebook. A fork server imports it once per worker and forks a
# child per student that runs the real `nbgrader ARGV` command line in its own process.

PREFORK_IMPORTS = ("nbgrader.apps.nbgraderapp", "nbgrader.preprocessors", "nbclient",
                   "nbconvert.preprocessors", "jupyter_client.manager", "IPython",
                   "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg2",
                   "grading.execute", "grading.feedback", "grading.tamper", "grading.sandbox")


def prefork_enabled(environ=None) -> bool:
    """Fork servers on Linux unless ``RNNCOURSE_PREFORK=0`` (elsewhere: plain processes)."""
    environ = os.environ if environ is None else environ
    return sys.platform == "linux" and environ.get("RNNCOURSE_PREFORK", "1") != "0"


def _exit_code(exc: SystemExit) -> int:
    return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)


def run_forked(argv: list[str]) -> tuple[int, str]:
    """``nbgrader ARGV`` in a forked child of this process: (exit code, output)."""
    with tempfile.TemporaryFile() as log:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child becomes `nbgrader ARGV`, output to the log, no stdin
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C cancels nbgrader
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                sys.argv = ["nbgrader", *argv]
                from nbgrader.apps.nbgraderapp import main
                main()
                code = 0
            except SystemExit as exc:
                code = _exit_code(exc)
            except BaseException:  # noqa: B036 - report anything, then leave
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        log.seek(0)
        return os.waitstatus_to_exitcode(status), log.read().decode(errors="replace")


def serve(stdin=None, stdout=None) -> int:
    """The fork server: import nbgrader once, then answer each line ``{"argv": [...]}`` of
    ``stdin`` with ``{"returncode": .., "output": ..}`` from a forked ``nbgrader ARGV``."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    # Ctrl-C stops the nbgrader children (which report "Canceled"); the server itself
    # answers for them and ends when its stdin closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in PREFORK_IMPORTS:
        try:
            importlib.import_module(name)
        except ImportError:  # e.g. no PostgreSQL driver: the child imports what it needs
            pass
    for line in iter(stdin.readline, ""):
        code, output = run_forked(json.loads(line)["argv"])
        stdout.write(json.dumps({"returncode": code, "output": output}) + "\n")
        stdout.flush()
    return 0


class ForkServer:
    """A ``python -m grading.parallel serve`` worker process with nbgrader's environment."""

    def __init__(self, env: dict):
        self.env = env
        self.proc = self._start()

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "grading.parallel", "serve"],
                                cwd=AUTOGRADE, env=self.env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, cmd: list[str]) -> tuple[int, str]:
        """Run an nbgrader command line (``cmd[0]`` is the nbgrader executable)."""
        try:
            self.proc.stdin.write(json.dumps({"argv": cmd[1:]}) + "\n")
            self.proc.stdin.flush()
            reply = json.loads(self.proc.stdout.readline())
            return reply["returncode"], reply["output"]
        except (OSError, ValueError):  # the server died: replace it, run this one plainly
            self.close()
            self.proc = self._start()
            return run_nbgrader(cmd, self.env)

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def runners(count: int, env: dict, prefork: bool):
    """A queue of ``count`` runners ``(cmd) -> (code, output)``: fork servers or plain
    subprocesses. A worker thread takes one for a student and puts it back."""
    servers = [ForkServer(env) for _ in range(count)] if prefork else []
    free: queue.Queue = queue.Queue()
    for i in range(count):
        free.put(servers[i].run if prefork else (lambda cmd: run_nbgrader(cmd, env)))
    try:
        yield free
    finally:
        for server in servers:
            server.close()


# --- progress ----------------------------------------------------------------------------

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
    in a log; each failure is printed with its error."""

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

    def update(self, result: Result) -> None:
        with self._lock:
            self.done += 1
            if not result.ok:
                self.failed += 1
                note = f"failed: {result.student} (exit {result.returncode}): {result.error}"
                self.stream.write(("\r\033[K" if self.tty else "") + note + "\n")
            self.draw()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


# --- the class ---------------------------------------------------------------------------

@contextmanager
def scratch_env(env: dict):
    """``env`` with TMPDIR in a folder removed afterwards: each nbgrader process leaves a
    kernelspec and a socket folder in TMPDIR (nbgrader_config.py), one per student here."""
    with tempfile.TemporaryDirectory(prefix="rnncourse-parallel-") as tmp:
        yield {**env, "TMPDIR": tmp}


def grade_all(assignment: str, students: list[str], workers: int | None = None,
              root: Path | None = None, db_url: str | None = None, stream=None,
              retries: int = 3, prefork: bool | None = None) -> list[Result]:
    """Grade ``students`` (already in ``<root>/submitted/``) with ``workers`` nbgrader
    processes at a time into the root's gradebook (or ``db_url``), a progress bar on
    ``stream`` (stderr). The assignment must be registered. ``prefork``: fork each nbgrader
    from a warm worker (default on Linux, see ``prefork_enabled``)."""
    url = busy_url(db_url or nbgrader_run.gradebook_url(root))
    create_students(url, students)
    count = max(1, min(workers or default_workers(), len(students)))
    prefork = prefork_enabled() if prefork is None else prefork
    progress = Progress(len(students), stream)
    results = []
    with scratch_env(nbgrader_run.nbgrader_env(root, db_url=url)) as env, \
            runners(count, env, prefork) as free, ThreadPoolExecutor(count) as pool:
        def job(student: str) -> Result:
            runner = free.get()
            try:
                return grade_student(assignment, student, env, retries, runner)
            finally:
                free.put(runner)
        try:
            for future in as_completed([pool.submit(job, s) for s in students]):
                results.append(future.result())
                progress.update(results[-1])
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            progress.finish()
    return sorted(results, key=lambda r: r.student)


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["serve"] else 2)
