"""What runs on a Dask worker: grade one submission in a scratch course root of its own.

    grade(submission, bundle) -> TaskResult   the task (a pure function of its inputs)
    WarmNbgrader                              the worker plugin: a warm fork server per
                                              worker thread (on a core of its own in a
                                              local cluster), stale scratch folders removed

A worker needs no shared folder: only this repository (the course's nbgrader config, the
grading package, the helper library; ``PYTHONPATH=<repo>/autograde``) and the venv. For each
task it builds ``<scratch>/root`` with ``source/<a>/`` (the bundle's source files), the
bundle's gradebook and ``submitted/<student>/<a>/``, runs the real
``nbgrader autograde <a> --force --create --student=<student>`` there with the course
config and its sandbox, reads the grades back from that scratch gradebook and returns them
with ``autograded/<student>/<a>/`` as bytes. The scratch folder is removed afterwards; one
left behind by a killed worker is removed when a worker next starts on that machine.
"""
from __future__ import annotations

import functools
import os
import queue
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from distributed import WorkerPlugin

from ... import AUTOGRADE, sandbox
from ...settings import grading_settings
from .. import gradebook, nbgrader_run
from .forkserver import ForkServer, prefork_enabled, run_plain
from .task import (LOG_TAIL, AssignmentBundle, Submission, TaskResult, code_digest,
                   read_tree, write_tree)

SCRATCH_PREFIX = "rnncourse-task-"
# Where this process's scratch folders go: short, because kernel sockets live below it
# and a Unix socket path has at most 107 bytes.
SCRATCH_BASE = None  # None: tempfile.gettempdir()


# --- running nbgrader --------------------------------------------------------------------

class RunnerPool:
    """``count`` ways of running nbgrader, one per worker thread: warm fork servers
    (``prefork``) or plain processes. ``run`` borrows one and gives it back."""

    def __init__(self, count: int, prefork: bool):
        env = nbgrader_run.nbgrader_env()
        self.servers = [ForkServer(env) for _ in range(count)] if prefork else []
        self.free: queue.Queue = queue.Queue()
        for i in range(count):
            self.free.put(self.servers[i].run if prefork else run_plain)

    def run(self, argv: list[str], env: dict) -> tuple[int, str]:
        runner = self.free.get()
        try:
            return runner(argv, env, str(AUTOGRADE))
        finally:
            self.free.put(runner)

    def close(self) -> None:
        for server in self.servers:
            server.close()


_pool: RunnerPool | None = None  # set by WarmNbgrader in a Dask worker process


def run_nbgrader(argv: list[str], env: dict) -> tuple[int, str]:
    """``nbgrader ARGV``: forked from this worker's warm server, or a fresh process when
    the plugin is not there (e.g. a task called outside Dask)."""
    return _pool.run(argv, env) if _pool else run_plain(argv, env)


def _pid_alive(pid: int) -> bool:
    return Path("/proc", str(pid)).exists()  # workers grade on Linux (the sandbox needs it)


def remove_stale_scratch(base: str | None = None) -> list[Path]:
    """Remove the scratch folders whose worker process is gone (killed mid-task);
    returns them."""
    removed = []
    for path in Path(base or SCRATCH_BASE or tempfile.gettempdir()).glob(SCRATCH_PREFIX + "*-*"):
        pid = path.name[len(SCRATCH_PREFIX):].split("-")[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def pin_to_core(pid: int, slot: int) -> int:
    """Keep process ``pid``, and every process it starts from now on, on one core: the
    ``slot``-th (modulo their number) of those this process may use. Returns the core."""
    usable = sorted(os.sched_getaffinity(0))
    core = usable[slot % len(usable)]
    os.sched_setaffinity(pid, {core})
    return core


class WarmNbgrader(WorkerPlugin):
    """Registered by the coordinator on every worker, including those that join later:
    nbgrader is imported once per worker (in its fork servers), not once per task.

    ``pin``: each fork server, and so each task's nbgrader and both its kernels, runs on the
    core numbered like its worker (a local cluster's workers are 0, 1, ...). A task's two
    kernels take turns (the grader waits while the student's code runs), so one core serves
    a task; kept apart, two tasks no longer share caches or migrate between cores: 40
    submissions graded 5-8 % faster on 2 cores."""
    name = "rnncourse-warm-nbgrader"

    def __init__(self, pin: bool = False):
        self.pin = pin

    def setup(self, worker) -> None:
        global _pool
        self.teardown(worker)  # registered again by a later run: one pool per worker
        remove_stale_scratch()
        _pool = RunnerPool(worker.state.nthreads, prefork_enabled())
        if self.pin and isinstance(worker.name, int):
            for i, server in enumerate(_pool.servers):
                try:
                    pin_to_core(server.proc.pid, worker.name * len(_pool.servers) + i)
                except OSError:  # a cpuset that forbids it: grade unpinned
                    pass

    def teardown(self, worker) -> None:
        global _pool
        if _pool:
            _pool.close()
            _pool = None


# --- one task ----------------------------------------------------------------------------

@contextmanager
def scratch_folder():
    """A fresh folder named after this process (see ``remove_stale_scratch``), removed
    afterwards."""
    path = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=SCRATCH_BASE))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def build_root(folder: Path, submission: Submission, bundle: AssignmentBundle) -> Path:
    """A course root under ``folder`` holding what ``nbgrader autograde`` reads."""
    root = folder / "root"
    write_tree(bundle.source_files, root / "source" / bundle.assignment)
    write_tree(submission.files, root / "submitted" / submission.student / submission.assignment)
    (root / "gradebook.db").write_bytes(bundle.gradebook)
    return root


def task_env(root: Path, tmp: Path, settings: dict[str, str]) -> dict:
    """nbgrader's environment for a scratch root: the course config pointed at ``root``
    (its source folder and gradebook), TMPDIR in the scratch folder (each nbgrader leaves
    a kernelspec and a socket folder there) and the coordinator's grading settings in place
    of the worker's."""
    env = nbgrader_run.nbgrader_env(root)
    for name in {*grading_settings(env), *nanny_environ()} - set(settings):
        env.pop(name, None)  # the worker's own settings, and what its Nanny added, do not count
    env.update(settings, RNNCOURSE_SOURCE_DIR=str(root / "source"), TMPDIR=str(tmp))
    env.update(prepared_sandbox(threading.get_ident()))
    return env


@functools.lru_cache(maxsize=None)
def prepared_sandbox(thread: int) -> dict[str, str]:
    """The sandbox checked and its kernelspec written once per worker thread, not once per
    task (``sandbox.prepare``), in a folder removed with the worker (``remove_stale_scratch``)."""
    return sandbox.prepare(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=SCRATCH_BASE))


def nanny_environ() -> set[str]:
    """The variables a Dask Nanny sets in its worker's environment (PYTHONHASHSEED,
    OMP_NUM_THREADS, ...): student code must not run with them, or a submission whose result
    depends on the hash seed or on threading would score otherwise than under plain nbgrader."""
    import dask
    names = {"PYTHONHASHSEED"}
    for key in ("distributed.nanny.pre-spawn-environ", "distributed.nanny.environ"):
        names |= set(dask.config.get(key, default={}) or {})
    return names


def autograde_argv(assignment: str, student: str) -> list[str]:
    return ["autograde", assignment, "--force", "--create", f"--student={student}"]


def grade(submission: Submission, bundle: AssignmentBundle) -> TaskResult:
    """Grade ``submission`` with ``bundle``: the autograded files, every grade, comment and
    late penalty, and nbgrader's log. Never raises for a bad submission: the result says
    what went wrong."""
    from distributed import get_worker
    start = time.monotonic()
    try:
        worker = get_worker().address
    except ValueError:  # called outside a Dask worker
        worker = ""
    result = dict(assignment=submission.assignment, student=submission.student, worker=worker)
    if bundle.code != code_digest():
        return TaskResult(**result, returncode=-1, reason=(
            f"worker {worker or 'here'} has other grading code than the coordinator (digest "
            f"{code_digest()[:12]}, coordinator {bundle.code[:12]}): install the same commit there"))
    with scratch_folder() as folder:
        root = build_root(folder, submission, bundle)
        (folder / "tmp").mkdir()
        code, log = run_nbgrader(autograde_argv(submission.assignment, submission.student),
                                 task_env(root, folder / "tmp", bundle.settings))
        result.update(returncode=code, log=log[-LOG_TAIL:])
        if code == 0:
            grades, comments, late = gradebook.read_submission(
                nbgrader_run.gradebook_url(root), submission.assignment, submission.student)
            files = read_tree(root / "autograded" / submission.student / submission.assignment)
            result.update(grades=grades, comments=comments, late_penalties=late, files=files)
            if not files:
                result["reason"] = "nbgrader wrote no autograded notebook"
    return TaskResult(**result, seconds=time.monotonic() - start)
