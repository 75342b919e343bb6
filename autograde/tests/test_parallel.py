"""Grading a class in parallel (grading/parallel.py, `make autograde`).

The slow tests grade a handful of submissions (correct, partly wrong, blank, broken JSON)
once with plain sequential nbgrader and then with the parallel pipeline, into SQLite and
into PostgreSQL (two "machines" grading disjoint shards at once), and require exactly the
sequential grades, every student once and every test cell once per student.
PostgreSQL comes from RNNCOURSE_TEST_PG_URL (`source .ci/setup_postgres.sh`).
"""
from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from grading import AUTOGRADE, MUTANTS, nbgrader_run, parallel, submissions
from grading.kernel import mutants_of

ASSIGNMENT = "01_sequential_data"
PIPELINE = AUTOGRADE / "pipeline.py"


# --- progress and configuration ----------------------------------------------------------

def test_progress_line_shows_students_done_failures_and_time_left():
    line = parallel.format_progress(10, 40, 2, 30.0, width=20)
    assert line.startswith("[#####" + "." * 15 + "]")
    assert "10/40 students" in line and "2 failed" in line
    assert "0:30 elapsed" in line and "~1:30 left" in line  # 30 s for 10, 30 to go


def test_progress_line_estimates_until_the_first_student_is_done():
    line = parallel.format_progress(0, 5, 0, 3.0, width=10)
    assert line.startswith("[" + "." * 10 + "]") and "0/5 students" in line and "estimating" in line


def test_durations_read_as_minutes_or_hours():
    assert parallel.format_duration(75) == "1:15"
    assert parallel.format_duration(3725) == "1:02:05"
    assert parallel.format_duration(-3) == "0:00"


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_writes_a_line_per_student_in_a_log_and_names_failures():
    stream, clock = io.StringIO(), FakeClock()
    progress = parallel.Progress(3, stream, clock)
    clock.now += 10
    progress.update(parallel.Result("ann", 0, 10.0))
    clock.now += 10
    progress.update(parallel.Result("bob", 1, 10.0, output="ValueError: Notebook does not appear to be JSON"))
    lines = stream.getvalue().splitlines()
    assert "1/3 students, 0 failed" in lines[0] and "~0:20 left" in lines[0]
    assert lines[1] == "failed: bob (exit 1): ValueError: Notebook does not appear to be JSON"
    assert "2/3 students, 1 failed" in lines[2] and "0:20 elapsed" in lines[2]


def test_progress_redraws_one_line_in_place_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    stream = Tty()
    progress = parallel.Progress(2, stream, FakeClock())
    progress.update(parallel.Result("ann", 0, 1.0))
    progress.update(parallel.Result("bob", 0, 1.0))
    progress.finish()
    text = stream.getvalue()
    assert text.count("\r\033[K") == 2 and text.count("\n") == 1 and text.endswith("2/2 students, "
                                                                                   "0 failed, 0:00 elapsed, ~0:00 left\n")


def test_default_is_one_worker_per_usable_core():
    assert parallel.default_workers({}) == len(os.sched_getaffinity(0))


def test_workers_come_from_rnncourse_workers():
    assert parallel.default_workers({"RNNCOURSE_WORKERS": "3"}) == 3
    for bad in ("0", "two", "-1"):
        with pytest.raises(ValueError, match="RNNCOURSE_WORKERS"):
            parallel.default_workers({"RNNCOURSE_WORKERS": bad})


def test_shards_split_the_class_into_disjoint_parts_that_cover_everyone():
    students = [f"student{i}" for i in range(50)]
    parts = [parallel.shard(students, f"{i}/3") for i in (1, 2, 3)]
    assert sorted(sum(parts, [])) == sorted(students)
    assert all(parts) and sum(map(len, parts)) == len(students)
    assert parallel.shard(students, None) == students
    # membership depends on the id only, not on who else has submitted
    assert parallel.shard(students[:10], "2/3") == [s for s in parts[1] if s in students[:10]]


def test_a_shard_is_i_of_n():
    assert parallel.parse_shard("2/5") == (2, 5)
    for bad in ("0/3", "4/3", "1", "a/b", ""):
        with pytest.raises(ValueError, match="i/n"):
            parallel.parse_shard(bad)


def test_sqlite_urls_get_a_busy_timeout_and_other_databases_do_not():
    assert parallel.busy_url("sqlite:////x/gradebook.db") == "sqlite:////x/gradebook.db?timeout=120"
    assert parallel.busy_url("sqlite:////x/g.db?timeout=5") == "sqlite:////x/g.db?timeout=5"
    assert parallel.busy_url("sqlite:////x/g.db?cache=shared", 9) == "sqlite:////x/g.db?cache=shared&timeout=9"
    assert parallel.busy_url("postgresql+psycopg2://u:p@h/db") == "postgresql+psycopg2://u:p@h/db"


def test_postgres_urls_name_the_installed_driver():
    # SQLAlchemy 2.1 would read a bare postgresql:// as psycopg 3, which is not installed
    assert nbgrader_run.with_driver("postgresql://u:p@h:5432/db") == "postgresql+psycopg2://u:p@h:5432/db"
    assert nbgrader_run.with_driver("postgres://u@h/db") == "postgresql+psycopg2://u@h/db"
    assert nbgrader_run.with_driver("sqlite:////x.db") == "sqlite:////x.db"
    import psycopg2  # noqa: F401 - the pinned driver is installed


def test_only_the_instructors_root_reads_rnncourse_db_url(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNCOURSE_DB_URL", "postgresql://u:p@h/db")
    monkeypatch.delenv("RNNCOURSE_GRADING_ROOT", raising=False)
    assert nbgrader_run.gradebook_url() == "postgresql+psycopg2://u:p@h/db"
    assert nbgrader_run.gradebook_url(AUTOGRADE) == "postgresql+psycopg2://u:p@h/db"
    assert nbgrader_run.nbgrader_env()["RNNCOURSE_DB_URL"] == "postgresql+psycopg2://u:p@h/db"
    # a scratch root (tests, bench) keeps its own SQLite file unless a URL is given
    assert nbgrader_run.gradebook_url(tmp_path) == f"sqlite:///{tmp_path}/gradebook.db"
    assert nbgrader_run.nbgrader_env(tmp_path)["RNNCOURSE_DB_URL"] == f"sqlite:///{tmp_path}/gradebook.db"
    assert nbgrader_run.nbgrader_env(tmp_path, db_url="sqlite:///y.db")["RNNCOURSE_DB_URL"] == "sqlite:///y.db"
    monkeypatch.delenv("RNNCOURSE_DB_URL")
    monkeypatch.setenv("RNNCOURSE_GRADING_ROOT", str(tmp_path))
    assert nbgrader_run.gradebook_url() == f"sqlite:///{tmp_path}/gradebook.db"


def _hold_write_lock(path: Path, seconds: float, locked: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    locked.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("timeout, waits", [(30, True), (0.2, False)])
def test_the_busy_timeout_in_the_url_makes_a_writer_wait_for_the_lock(tmp_path, timeout, waits):
    from sqlalchemy import create_engine, exc, text
    path = tmp_path / "gradebook.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 1.5, locked))
    holder.start()
    locked.wait(10)
    engine = create_engine(parallel.busy_url(f"sqlite:///{path}", timeout))
    start = time.monotonic()
    try:
        if waits:
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (1)"))
            assert time.monotonic() - start > 0.5  # it waited for the other writer
        else:
            with pytest.raises(exc.OperationalError, match="database is locked"):
                with engine.begin() as conn:
                    conn.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        holder.join()
        engine.dispose()


def test_a_student_failing_on_a_database_lock_is_graded_again(monkeypatch):
    monkeypatch.setattr(parallel.time, "sleep", lambda s: None)
    outputs = iter([(1, "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked"),
                    (1, "psycopg2.errors.DeadlockDetected: deadlock detected"), (0, "graded")])
    calls = []

    def runner(cmd):
        calls.append(cmd)
        return next(outputs)
    result = parallel.grade_student(ASSIGNMENT, "ann", {}, retries=3, runner=runner)
    assert result.ok and result.attempts == 3 and len(calls) == 3
    assert calls[0][1:] == ["autograde", ASSIGNMENT, "--force", "--student=ann",
                            "--Autograde.create_student=False"]


def test_a_student_failing_for_another_reason_is_not_graded_again():
    calls = []

    def runner(cmd):
        calls.append(cmd)
        return 1, "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{'\nmore"
    result = parallel.grade_student(ASSIGNMENT, "ann", {}, runner=runner)
    assert not result.ok and result.attempts == 1 and len(calls) == 1
    assert result.error == "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{'"


def test_lock_retries_stop_after_the_last_one(monkeypatch):
    monkeypatch.setattr(parallel.time, "sleep", lambda s: None)
    result = parallel.grade_student(ASSIGNMENT, "ann", {}, retries=2,
                                    runner=lambda cmd: (1, "database is locked"))
    assert not result.ok and result.attempts == 3


def test_prefork_is_on_by_default_on_linux_and_can_be_turned_off():
    assert parallel.prefork_enabled({}) == (sys.platform == "linux")
    assert not parallel.prefork_enabled({"RNNCOURSE_PREFORK": "0"})


@pytest.mark.slow
def test_the_fork_server_runs_nbgrader_commands_like_a_fresh_process():
    env = nbgrader_run.nbgrader_env()
    server = parallel.ForkServer(env)
    try:
        for args in (["--version"], ["autograde", "--no-such-option-at-all"]):
            cmd = [str(nbgrader_run.BIN / "nbgrader"), *args]
            forked, plain = server.run(cmd), parallel.run_nbgrader(cmd, env)
            assert forked == plain and forked[1].strip()
    finally:
        server.close()
    assert server.proc.returncode == 0


def test_pipeline_refuses_bad_workers_and_shards():
    for args in (["--workers", "0"], ["--shard", "3/2"]):
        proc = subprocess.run([sys.executable, str(PIPELINE), "autograde", ASSIGNMENT, *args],
                              capture_output=True, text=True)
        assert proc.returncode == 2 and ("--workers" in proc.stderr or "i/n" in proc.stderr)


# --- the real thing: sequential nbgrader against the parallel pipeline -------------------

def class_of(release: Path) -> dict:
    """A small class: correct, partly wrong (one and two wrong functions), blank, broken."""
    mutants = mutants_of(MUTANTS / ASSIGNMENT)
    first, second = mutants[0], next(m for m in mutants if m.exercise != mutants[0].exercise)
    third = next(m for m in mutants if m.exercise not in (first.exercise, second.exercise))
    return {
        "correct": submissions.filled(ASSIGNMENT, course=release),
        "blank": submissions.blank(ASSIGNMENT, course=release),
        "broken-json": '{"cells": [{"cell_type": ',
        "wrong-one": submissions.filled(ASSIGNMENT, {first.exercise: first.source}, course=release),
        "wrong-two": submissions.filled(
            ASSIGNMENT, {second.exercise: second.source, third.exercise: third.source}, course=release),
        "wrong-other": submissions.filled(ASSIGNMENT, {third.exercise: third.source}, course=release),
    }


def grades_of(url: str) -> dict:
    """``{(student, grade id): (auto score, manual score)}`` of every grade in the gradebook."""
    from nbgrader.api import Gradebook
    with Gradebook(url, course_id="rnncourse") as gb:
        return {(sub.student.id, g.name): (g.auto_score, g.manual_score)
                for sub in gb.assignment_submissions(ASSIGNMENT) for nb in sub.notebooks
                for g in nb.grades}


def assert_each_student_and_grade_once(url: str, students) -> None:
    """Every student is in the gradebook once, with one submission holding one grade per
    grade cell, and no other grade rows exist."""
    from nbgrader.api import Grade, Gradebook
    with Gradebook(url, course_id="rnncourse") as gb:
        assert sorted(s.id for s in gb.students) == sorted(students)
        subs = gb.assignment_submissions(ASSIGNMENT)
        assert sorted(s.student.id for s in subs) == sorted(students)
        cells = sorted(c.name for nb in gb.find_assignment(ASSIGNMENT).notebooks for c in nb.grade_cells)
        for sub in subs:
            assert sorted(g.name for nb in sub.notebooks for g in nb.grades) == cells, sub.student.id
        assert gb.db.query(Grade).count() == len(students) * len(cells)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory):
    """The class graded by plain `nbgrader autograde --create`, one student after another."""
    work = tmp_path_factory.mktemp("sequential")
    root, release = work / "root", work / "release"
    root.mkdir()
    nbgrader_run.release(ASSIGNMENT, root=root, release_dir=release)
    notebooks = class_of(release)
    for student, nb in notebooks.items():
        nbgrader_run.submit(root, student, ASSIGNMENT, nb)
    nbgrader_run.nbgrader("autograde", ASSIGNMENT, "--force", "--create", root=root, check=False)
    grades = grades_of(nbgrader_run.gradebook_url(root))
    assert {s for s, _ in grades} == set(notebooks)
    assert any(score for score, _ in grades.values())  # the correct one earned points
    return notebooks, grades


def course_root(path: Path, notebooks: dict) -> Path:
    path.mkdir(parents=True)
    for student, nb in notebooks.items():
        nbgrader_run.submit(path, student, ASSIGNMENT, nb)
    return path


def pipeline(root: Path, *args: str, db_url: str | None = None, wait: bool = True,
             prefork: bool = True):
    """`python autograde/pipeline.py autograde ...` on a scratch root (and gradebook)."""
    env = {k: v for k, v in os.environ.items() if k not in ("RNNCOURSE_DB_URL", "RNNCOURSE_WORKERS")}
    env["RNNCOURSE_GRADING_ROOT"] = str(root)
    env["RNNCOURSE_PREFORK"] = "1" if prefork else "0"
    if db_url:
        env["RNNCOURSE_DB_URL"] = db_url
    proc = subprocess.Popen([sys.executable, str(PIPELINE), "autograde", ASSIGNMENT, *args],
                            env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.communicate(timeout=900) + (proc.returncode,) if wait else proc


@pytest.mark.slow
def test_parallel_grading_into_sqlite_gives_the_sequential_grades_once_each(sequential, tmp_path):
    notebooks, expected = sequential
    root = course_root(tmp_path / "root", notebooks)
    out, err, code = pipeline(root, "--workers", "3")
    assert code == 1, f"one broken submission should make the run fail:\n{out}\n{err[-3000:]}"
    assert "3 worker(s)" in out and f"{len(notebooks)}/{len(notebooks)} students, 1 failed" in err
    assert f"NOT GRADED: {ASSIGNMENT} of broken-json: " in out and "JSON" in out
    url = nbgrader_run.gradebook_url(root)
    assert grades_of(url) == expected
    assert_each_student_and_grade_once(url, notebooks)


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    base = os.environ.get("RNNCOURSE_TEST_PG_URL")
    if not base:
        message = ("RNNCOURSE_TEST_PG_URL is not set: `source .ci/setup_postgres.sh` "
                   "starts PostgreSQL and sets it")
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(message)
        pytest.skip(message)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    name = f"rnncourse_test_{uuid.uuid4().hex[:12]}"
    base = nbgrader_run.with_driver(base)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_registration_lock_makes_a_second_machine_wait(pg_url):
    order = []
    first_holds = threading.Event()

    def machine(name: str, hold: float):
        with parallel.registration_lock(pg_url):
            order.append(f"{name} in")
            first_holds.set()
            time.sleep(hold)
            order.append(f"{name} out")
    first = threading.Thread(target=machine, args=("a", 1.0))
    first.start()
    first_holds.wait(10)
    machine("b", 0)
    first.join()
    assert order == ["a in", "a out", "b in", "b out"]


@pytest.mark.slow
def test_two_machines_sharing_a_postgres_gradebook_give_the_sequential_grades_once_each(
        sequential, tmp_path, pg_url):
    notebooks, expected = sequential
    shards = {i: parallel.shard(sorted(notebooks), f"{i}/2") for i in (1, 2)}
    assert all(shards.values()), f"the test class should fall into both shards: {shards}"
    # machine 1 forks nbgrader from a warm process, machine 2 starts it afresh per student
    machines = [pipeline(course_root(tmp_path / f"machine{i}", notebooks), "--shard", f"{i}/2",
                         "--workers", "2", db_url=pg_url, wait=False, prefork=i == 1) for i in (1, 2)]
    outputs = [m.communicate(timeout=900) for m in machines]
    for i, (m, (out, err)) in enumerate(zip(machines, outputs), 1):
        assert f"{len(shards[i])} submission(s), shard {i}/2" in out, err[-3000:]
        assert m.returncode == (1 if "broken-json" in shards[i] else 0), f"{out}\n{err[-3000:]}"
    assert grades_of(pg_url) == expected
    assert_each_student_and_grade_once(pg_url, notebooks)
