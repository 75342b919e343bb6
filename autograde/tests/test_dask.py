"""Grading a class as a Dask job (grading/instructor/cluster/, `make autograde`).

Cheap tests check what crosses between coordinator and workers, how the coordinator writes
a result into the gradebook, and the errors an instructor sees. The slow ones grade a small
class (correct, partly wrong, blank, broken JSON) once with plain sequential nbgrader and then
through `pipeline.py autograde`: on a real `dask scheduler` with two `dask worker` processes,
one of which is killed mid-run, into SQLite; and on a local cluster into PostgreSQL. Each must
give exactly the sequential grades, every student once and every grade cell once per student.
PostgreSQL comes from RNNCOURSE_TEST_PG_URL (`source .ci/setup_postgres.sh`).
"""
from __future__ import annotations

import os
import pickle
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from grading import AUTOGRADE, MUTANTS, PIPELINE
from grading.settings import CLASSROOM
from grading.authoring.scratch import ScratchCourse
from grading.instructor import gradebook, nbgrader_run
from grading.instructor.cluster import coordinator, forkserver, worker
from grading.instructor.cluster.task import (AssignmentBundle, CommentRecord, GradeRecord, Submission, TaskResult,
                                  code_digest, read_tree, write_tree)
from grading.authoring.kernel import mutants_of

ASSIGNMENT = "01_sequential_data"



# --- what a task receives and returns ----------------------------------------------------

def test_a_submission_is_packed_as_its_files_without_checkpoints(tmp_path):
    folder = tmp_path / "submitted" / "ann" / ASSIGNMENT
    (folder / "data").mkdir(parents=True)
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / f"{ASSIGNMENT}.ipynb").write_text("{}")
    (folder / "data" / "series.csv").write_bytes(b"1,2\n")
    (folder / ".ipynb_checkpoints" / f"{ASSIGNMENT}-checkpoint.ipynb").write_text("{}")
    submission = Submission.from_folder(tmp_path, ASSIGNMENT, "ann")
    assert submission.files == {f"{ASSIGNMENT}.ipynb": b"{}", "data/series.csv": b"1,2\n"}
    write_tree(submission.files, tmp_path / "copy")
    assert read_tree(tmp_path / "copy") == submission.files


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "a/../../b", "", "a\\..\\b"])
def test_file_names_that_leave_their_folder_are_refused_before_anything_is_written(tmp_path, name):
    with pytest.raises(ValueError, match="not a plain relative path"):
        write_tree({"fine.txt": b"x", name: b"y"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_tasks_and_results_cross_pickling_unchanged():
    submission = Submission(ASSIGNMENT, "ann", {"a.ipynb": b"{}"})
    bundle = AssignmentBundle(ASSIGNMENT, {"data.csv": b"1"}, b"SQLite", {"PYTHONHASHSEED": "0"}, "c0de")
    result = TaskResult(ASSIGNMENT, "ann", 0, "log", 1.5,
                        (GradeRecord(ASSIGNMENT, "test_q1", 1.0, None, None, False),),
                        (CommentRecord(ASSIGNMENT, "q1", "ok", None),), {ASSIGNMENT: 0.0},
                        {f"{ASSIGNMENT}.ipynb": b"{}"}, "tcp://w:1")
    for value in (submission, bundle, result):
        assert pickle.loads(pickle.dumps(value)) == value
    assert result.ok and result.error == ""


def test_digests_name_the_content_and_the_student():
    one = Submission(ASSIGNMENT, "ann", {"a.ipynb": b"{}"})
    assert one.digest == Submission(ASSIGNMENT, "ann", {"a.ipynb": b"{}"}).digest
    assert one.digest != Submission(ASSIGNMENT, "bob", {"a.ipynb": b"{}"}).digest
    assert one.digest != Submission(ASSIGNMENT, "ann", {"a.ipynb": b"{ }"}).digest
    assert len(code_digest()) == 64


def test_the_largest_submissions_are_handed_out_first_and_broken_files_last():
    files = {"worked": b"x" * 900, "blank": b"x" * 400, "broken": b"{", "also-worked": b"x" * 900}
    subs = [Submission("a", student, {"a.ipynb": data, "timestamp.txt": b"2026"})
            for student, data in files.items()]
    order = [s.student for s in coordinator.largest_first(subs)]
    assert order == ["worked", "also-worked", "blank", "broken"]


def test_a_failed_result_says_why_from_its_reason_or_nbgrader_s_log():
    log = "[AutogradeApp | ERROR] nbformat.reader.NotJSONError: Notebook does not appear to be JSON\nmore"
    assert TaskResult(ASSIGNMENT, "ann", 1, log).error == \
        "nbformat.reader.NotJSONError: Notebook does not appear to be JSON"
    assert TaskResult(ASSIGNMENT, "ann", 0, log, reason="worker died").error == "worker died"


def test_a_worker_grades_with_the_coordinator_s_settings_not_its_own(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNCOURSE_UNSANDBOXED", "1")  # set on the worker's machine only
    monkeypatch.setenv("PYTHONHASHSEED", "6640")      # set by Dask's Nanny
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    env = worker.task_env(tmp_path / "root", tmp_path / "tmp", {"RNNCOURSE_CELL_TIMEOUT": "60"})
    assert "RNNCOURSE_UNSANDBOXED" not in env and env["RNNCOURSE_CELL_TIMEOUT"] == "60"
    assert "PYTHONHASHSEED" not in env and "OMP_NUM_THREADS" not in env  # nbgrader's config sets 0
    seeded = worker.task_env(tmp_path / "root", tmp_path / "tmp", {"PYTHONHASHSEED": "0"})
    assert seeded["PYTHONHASHSEED"] == "0"
    assert env["RNNCOURSE_GRADING_ROOT"] == str(tmp_path / "root")
    assert env["RNNCOURSE_SOURCE_DIR"] == str(tmp_path / "root" / "source")
    assert env["RNNCOURSE_DB_URL"] == f"sqlite:///{tmp_path}/root/gradebook.db"
    assert env["TMPDIR"] == str(tmp_path / "tmp")


def test_a_worker_with_other_grading_code_refuses_the_task():
    bundle = AssignmentBundle(ASSIGNMENT, {}, b"", {}, "0" * 64)
    result = worker.grade(Submission(ASSIGNMENT, "ann", {}), bundle)
    assert not result.ok and "other grading code than the coordinator" in result.error


def test_scratch_folders_of_dead_workers_are_removed_and_live_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{worker.SCRATCH_PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{worker.SCRATCH_PREFIX}{os.getpid()}-def"
    for folder in (stale, live):
        (folder / "root").mkdir(parents=True)
    assert worker.remove_stale_scratch(str(tmp_path)) == [stale]
    assert live.exists() and not stale.exists()


# --- how the coordinator writes results --------------------------------------------------

@pytest.mark.slow
def test_a_new_gradebook_is_made_as_nbgrader_makes_it_and_an_old_one_is_left_alone(tmp_path):
    import sqlite3
    from nbgrader.api import Gradebook

    def schema(path):
        with sqlite3.connect(path) as db:
            return (sorted(db.execute("SELECT type, name, sql FROM sqlite_master")),
                    db.execute("SELECT version_num FROM alembic_version").fetchall())

    assert gradebook.create(f"sqlite:///{tmp_path}/new/ours.db")
    Gradebook(f"sqlite:///{tmp_path}/theirs.db").close()  # nbgrader's way: `alembic heads`
    assert schema(tmp_path / "new/ours.db") == schema(tmp_path / "theirs.db")
    with gradebook.open_gradebook(f"sqlite:///{tmp_path}/new/ours.db") as gb:
        gb.add_student("ann")
    assert not gradebook.create(f"sqlite:///{tmp_path}/new/ours.db")
    with gradebook.open_gradebook(f"sqlite:///{tmp_path}/new/ours.db") as gb:
        assert [s.id for s in gb.students] == ["ann"]


@pytest.fixture(scope="module")
def small_book_file(tmp_path_factory) -> Path:
    """An SQLite gradebook made through nbgrader's API: one notebook with two test cells
    (1 and 2 points) and a markdown answer with a comment, student ann submitted."""
    path = tmp_path_factory.mktemp("book") / "gradebook.db"
    url = f"sqlite:///{path}"
    with gradebook.open_gradebook(url) as gb:
        gb.add_assignment(ASSIGNMENT)
        gb.add_notebook(ASSIGNMENT, ASSIGNMENT)
        for name, points in (("test_a", 1), ("test_b", 2)):
            gb.add_grade_cell(name, ASSIGNMENT, ASSIGNMENT, max_score=points, cell_type="code")
        gb.add_solution_cell("essay", ASSIGNMENT, ASSIGNMENT)
        gb.add_grade_cell("essay", ASSIGNMENT, ASSIGNMENT, max_score=1, cell_type="markdown")
    gradebook.create_students(url, ["ann"], ASSIGNMENT)
    return path


@pytest.fixture
def small_book(small_book_file, tmp_path) -> str:
    """A fresh copy of ``small_book_file`` for one test: its URL."""
    copy = tmp_path / "gradebook.db"
    copy.write_bytes(small_book_file.read_bytes())
    return f"sqlite:///{copy}"


def result_for(student: str = "ann", test_b: float = 0.0, files=None) -> TaskResult:
    grades = (GradeRecord(ASSIGNMENT, "essay", None, None, None, True),
              GradeRecord(ASSIGNMENT, "test_a", 1.0, None, None, False),
              GradeRecord(ASSIGNMENT, "test_b", test_b, None, None, False))
    return TaskResult(ASSIGNMENT, student, 0, grades=grades,
                      comments=(CommentRecord(ASSIGNMENT, "essay", "auto", None),),
                      late_penalties={ASSIGNMENT: 0.0},
                      files=files if files is not None else {f"{ASSIGNMENT}.ipynb": b"{}"})


def book_grades(url: str) -> dict:
    from nbgrader.api import Grade
    with gradebook.open_gradebook(url) as gb:
        assert gb.db.query(Grade).count() == 3  # one row per grade cell, never more
        return {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade)
                for nb in gb.find_submission(ASSIGNMENT, "ann").notebooks for g in nb.grades}


def test_a_result_recorded_again_replaces_the_grades_and_keeps_a_manual_score(small_book):
    with gradebook.open_gradebook(small_book) as gb:
        gradebook.record(gb, result_for(test_b=2.0))
        gradebook.record(gb, result_for(test_b=2.0))  # Dask delivered it twice: no change
    assert book_grades(small_book) == {"essay": (None, None, True), "test_a": (1.0, None, False),
                                       "test_b": (2.0, None, False)}
    with gradebook.open_gradebook(small_book) as gb:
        gb.find_grade("test_b", ASSIGNMENT, ASSIGNMENT, "ann").manual_score = 1.5
        gb.db.commit()
        gradebook.record(gb, result_for(test_b=0.0))  # a regrade
        comment = gb.find_comment("essay", ASSIGNMENT, ASSIGNMENT, "ann").auto_comment
    assert book_grades(small_book)["test_b"] == (0.0, 1.5, True)  # the instructor's score stays
    assert comment == "auto"


def test_a_result_naming_an_unknown_cell_is_refused_and_writes_nothing(small_book):
    stranger = result_for(test_b=2.0)
    stranger.grades += (GradeRecord(ASSIGNMENT, "test_from_elsewhere", 1.0, None, None, False),)
    with gradebook.open_gradebook(small_book) as gb, pytest.raises(ValueError, match="test_from_elsewhere"):
        gradebook.record(gb, stranger)
    assert book_grades(small_book)["test_b"] == (None, None, True)


def test_saving_replaces_the_autograded_folder_and_a_failure_removes_it(small_book, tmp_path):
    folder = tmp_path / "autograded" / "ann" / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / "old.txt").write_text("from an earlier run")
    with gradebook.open_gradebook(small_book) as gb:
        saved = coordinator.save(gb, tmp_path, result_for(files={f"{ASSIGNMENT}.ipynb": b"new"}))
        assert saved.ok and read_tree(folder) == {f"{ASSIGNMENT}.ipynb": b"new"}
        bad = coordinator.save(gb, tmp_path, result_for(files={"../../evil": b"x"}))
        assert not bad.ok and "could not save the result" in bad.error and not folder.exists()
        coordinator.save(gb, tmp_path, result_for())
        coordinator.save(gb, tmp_path, TaskResult(ASSIGNMENT, "ann", 1, "NotJSONError: x"))
    assert not folder.exists()


class FailedFuture:
    def __init__(self, exc):
        self.exc = exc

    def result(self):
        raise self.exc


def test_a_task_that_kills_its_workers_or_fails_becomes_a_not_graded_result():
    from distributed.scheduler import KilledWorker
    killed = coordinator.outcome(FailedFuture(KilledWorker("grade-x", "tcp://w:1", 3)), ASSIGNMENT, "ann")
    assert not killed.ok and killed.student == "ann" and "every Dask worker that graded it died" in killed.error
    broken = coordinator.outcome(FailedFuture(ModuleNotFoundError("No module named 'grading'")),
                                 ASSIGNMENT, "bob")
    assert broken.error == "the grading task failed: ModuleNotFoundError: No module named 'grading'"


# --- the command line --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pipeline_env(root: Path, db_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("RNNCOURSE_DB_URL", "RNNCOURSE_WORKERS")}
    env["RNNCOURSE_GRADING_ROOT"] = str(root)
    env["PATH"] = f"{nbgrader_run.BIN}{os.pathsep}{env.get('PATH', '')}"
    if db_url:
        env["RNNCOURSE_DB_URL"] = db_url
    return env


def pipeline(root: Path, *args: str, db_url: str | None = None, timeout: float = 900):
    """`python autograde/grading/instructor/pipeline.py autograde 01_sequential_data ARGS` on a scratch root:
    (stdout, stderr, exit code)."""
    proc = subprocess.run([sys.executable, str(PIPELINE), "autograde", ASSIGNMENT, *args],
                          env=pipeline_env(root, db_url), capture_output=True, text=True, timeout=timeout)
    return proc.stdout, proc.stderr, proc.returncode


def test_an_unreachable_scheduler_is_one_clear_message_and_exit_2(tmp_path):
    nbgrader_run.submit(tmp_path, "ann", ASSIGNMENT, "{}")
    address = f"tcp://127.0.0.1:{free_port()}"
    out, err, code = pipeline(tmp_path, "--scheduler", address, "--connect-timeout", "1", timeout=120)
    assert code == 2, f"{out}\n{err}"
    assert err.startswith(f"autograde: cannot reach the Dask scheduler at {address} (")
    assert "Traceback" not in err and not (tmp_path / "gradebook.db").exists()


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--workers", "2", "--scheduler", "tcp://h:8786"], "sizes the local cluster"),
    (["--connect-timeout", "0"], "must be positive")])
def test_pipeline_refuses_bad_workers_and_workers_with_a_scheduler(capsys, args, message):
    from grading.instructor import pipeline as cli
    with pytest.raises(SystemExit) as exit_:
        cli.main(["autograde", ASSIGNMENT, *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


# --- gradebook location ------------------------------------------------------------------

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
    assert nbgrader_run.gradebook_url(CLASSROOM) == "postgresql+psycopg2://u:p@h/db"
    assert nbgrader_run.nbgrader_env()["RNNCOURSE_DB_URL"] == "postgresql+psycopg2://u:p@h/db"
    # a scratch root (a worker's, the tests', the bench's) keeps its own SQLite file
    assert nbgrader_run.gradebook_url(tmp_path) == f"sqlite:///{tmp_path}/gradebook.db"
    assert nbgrader_run.nbgrader_env(tmp_path)["RNNCOURSE_DB_URL"] == f"sqlite:///{tmp_path}/gradebook.db"
    assert nbgrader_run.nbgrader_env(tmp_path, db_url="sqlite:///y.db")["RNNCOURSE_DB_URL"] == "sqlite:///y.db"
    monkeypatch.delenv("RNNCOURSE_DB_URL")
    monkeypatch.setenv("RNNCOURSE_GRADING_ROOT", str(tmp_path))
    assert nbgrader_run.gradebook_url() == f"sqlite:///{tmp_path}/gradebook.db"


@pytest.mark.slow
def test_a_local_cluster_leaves_the_coordinator_s_environment_as_it_was(monkeypatch):
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    before = dict(os.environ)
    with coordinator.connect(workers=1) as client:
        assert dict(os.environ) == before
        assert "local cluster of 1 worker(s)" in coordinator.describe(client)
    assert dict(os.environ) == before


@pytest.mark.slow
def test_the_fork_server_runs_nbgrader_commands_like_a_fresh_process():
    env = nbgrader_run.nbgrader_env()
    server = forkserver.ForkServer(env)
    try:
        for argv in (["--version"], ["autograde", "--no-such-option-at-all"]):
            forked, plain = server.run(argv, env), forkserver.run_plain(argv, env)
            assert forked == plain and forked[1].strip()
    finally:
        server.close()
    assert server.proc.returncode == 0


def cores_of_fork_servers():
    return [os.sched_getaffinity(s.proc.pid) for s in worker._pool.servers]


@pytest.mark.slow
def test_a_local_cluster_of_a_worker_per_core_keeps_each_worker_s_grading_on_a_core_of_its_own():
    usable = sorted(os.sched_getaffinity(0))
    if len(usable) > 8:
        pytest.skip("a worker per core of this machine would be a large cluster for a test")
    with coordinator.connect(workers=len(usable)) as client:
        pinned = client.run(cores_of_fork_servers)
    servers = [cores for each in pinned.values() for cores in each]
    assert all(len(cores) == 1 for cores in servers)
    assert sorted(c for cores in servers for c in cores) == usable


@pytest.mark.slow
def test_a_smaller_local_cluster_leaves_its_tasks_every_core():
    """One student, one worker: its task may use the cores no other task wants (TensorFlow does)."""
    usable = os.sched_getaffinity(0)
    if len(usable) < 2:
        pytest.skip("one core: nothing to leave free")
    with coordinator.connect(workers=1) as client:
        pinned = client.run(cores_of_fork_servers)
    assert [cores for each in pinned.values() for cores in each] == [usable]


# --- the real thing: sequential nbgrader against Dask ------------------------------------

def class_of(course: ScratchCourse) -> dict:
    """A small class: correct, partly wrong (one and two wrong functions), blank, broken, and
    one whose score depends on the hash seed (``list(set(text))``): a worker that grades with
    another seed than plain nbgrader gives it another score."""
    mutants = mutants_of(MUTANTS / ASSIGNMENT)
    first, second = mutants[0], next(m for m in mutants if m.exercise != mutants[0].exercise)
    third = next(m for m in mutants if m.exercise not in (first.exercise, second.exercise))
    hashed = next(m for m in mutants if m.name == "build_vocab__unsorted_set")
    return {
        "correct": course.filled(),
        "blank": course.blank(),
        "broken-json": '{"cells": [{"cell_type": ',
        "wrong-one": course.filled({first.exercise: first.source}),
        "wrong-two": course.filled({second.exercise: second.source, third.exercise: third.source}),
        "hash-order": course.filled({hashed.exercise: hashed.source}),
    }


def grades_of(url: str) -> dict:
    """``{(student, grade id): (auto score, manual score)}`` of every grade in the gradebook."""
    with gradebook.open_gradebook(url) as gb:
        return {(sub.student.id, g.name): (g.auto_score, g.manual_score)
                for sub in gb.assignment_submissions(ASSIGNMENT) for nb in sub.notebooks
                for g in nb.grades}


def assert_each_student_and_grade_once(url: str, students) -> None:
    """Every student is in the gradebook once, with one submission holding one grade per
    grade cell, and no other grade rows exist."""
    from nbgrader.api import Grade
    with gradebook.open_gradebook(url) as gb:
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
    course = ScratchCourse(ASSIGNMENT, tmp_path_factory.mktemp("sequential"))
    notebooks = class_of(course)
    for student, nb in notebooks.items():
        course.submit(student, nb)
    course.grade(check=False)  # the broken submission makes nbgrader exit 1
    grades = grades_of(nbgrader_run.gradebook_url(course.root))
    assert {s for s, _ in grades} == set(notebooks)
    assert grades[("correct", "test_make_windows_horizon")][0] == 2  # the solution earns points
    return notebooks, grades


def course_root(path: Path, notebooks: dict) -> Path:
    path.mkdir(parents=True)
    for student, nb in notebooks.items():
        nbgrader_run.submit(path, student, ASSIGNMENT, nb)
    return path


def assert_graded_like_sequential(out: str, err: str, code: int, url: str, notebooks: dict,
                                  expected: dict) -> None:
    """The run failed for broken-json only, and the gradebook holds the sequential grades,
    each once."""
    assert code == 1, f"one broken submission should make the run fail:\n{out}\n{err[-3000:]}"
    assert f"{len(notebooks)}/{len(notebooks)} students, 1 failed" in err
    not_graded = [line for line in out.splitlines() if line.startswith("NOT GRADED")]
    assert len(not_graded) == 1 and not_graded[0].startswith(
        f"NOT GRADED: {ASSIGNMENT} of broken-json: nbformat.reader.NotJSONError"), out
    assert grades_of(url) == expected
    assert_each_student_and_grade_once(url, notebooks)


@pytest.fixture
def dask_cluster(tmp_path):
    """A `dask scheduler` and two `dask worker --nworkers 1 --nthreads 1` processes on
    localhost, the workers started from this repository (PYTHONPATH); the address, once both
    workers have joined."""
    address = f"tcp://127.0.0.1:{free_port()}"
    env = {**os.environ, "PYTHONPATH": str(AUTOGRADE),
           "PATH": f"{nbgrader_run.BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    dask = str(nbgrader_run.BIN / "dask")
    log = open(tmp_path / "cluster.log", "w")
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], env=env, stdout=log, stderr=log)]
    procs += [subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                "--no-dashboard", "--local-directory", str(tmp_path / f"worker{i}")],
                               env=env, stdout=log, stderr=log) for i in (1, 2)]
    try:
        from distributed import Client
        with Client(address, timeout=60) as client:  # a loaded machine starts workers slowly
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


def kill_a_busy_worker(address: str, seconds_in: float = 3.0, timeout: float = 600) -> int:
    """SIGKILL the worker process that has been grading a submission other than the broken
    one for ``seconds_in`` seconds; return its pid."""
    from distributed import Client
    with Client(address, timeout=30) as client:
        deadline, since = time.monotonic() + timeout, {}
        while time.monotonic() < deadline:
            now = time.monotonic()
            for addr, keys in client.processing().items():
                if not any(str(k).startswith("grade-") and "broken" not in str(k) for k in keys):
                    since.pop(addr, None)
                elif now - since.setdefault(addr, now) >= seconds_in:
                    pid = client.run(os.getpid, workers=[addr])[addr]
                    os.kill(pid, signal.SIGKILL)
                    return pid
            time.sleep(0.2)
    raise AssertionError("no worker was grading within the time allowed")


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_grade_and_counts_none_twice(sequential, tmp_path, dask_cluster):
    notebooks, expected = sequential
    root = course_root(tmp_path / "root", notebooks)
    run = subprocess.Popen([sys.executable, str(PIPELINE), "autograde", ASSIGNMENT, "--scheduler",
                            dask_cluster, "--connect-timeout", "120"], env=pipeline_env(root),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = kill_a_busy_worker(dask_cluster)
    out, err = run.communicate(timeout=900)
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)
    assert f"{dask_cluster} with 2 worker(s)" in out, err[-3000:]
    assert_graded_like_sequential(out, err, run.returncode, nbgrader_run.gradebook_url(root),
                                  notebooks, expected)


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


@pytest.mark.slow
def test_a_local_cluster_grades_into_postgres_like_sequential_nbgrader_and_feedback_still_works(
        sequential, tmp_path, pg_url):
    """Only the coordinator writes the gradebook, here PostgreSQL (the killed-worker run
    writes SQLite): the sequential grades, each once, and feedback reads them from there."""
    notebooks, expected = sequential
    root = course_root(tmp_path / "root", notebooks)
    out, err, code = pipeline(root, "--workers", "2", db_url=pg_url)
    assert "on a local cluster of 2 worker(s)" in out, err[-3000:]
    assert_graded_like_sequential(out, err, code, pg_url, notebooks, expected)
    assert not (root / "gradebook.db").exists()
    graded = {p.parent.name for p in (root / "autograded").glob(f"*/{ASSIGNMENT}")}
    assert graded == set(notebooks) - {"broken-json"}
    proc = subprocess.run([sys.executable, str(PIPELINE), "feedback", ASSIGNMENT],
                          env=pipeline_env(root, pg_url), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (root / "feedback" / "correct" / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()
