"""The instructor's side of grading a class on Dask. It is the only writer of the gradebook.

    connect(scheduler, workers)               a Dask client: a local cluster (one
                                              single-threaded worker process per core) or an
                                              existing scheduler; the workers made warm
    warm(client, pin)                         the workers' fork servers (any client)
    register(a, students, root)               ``nbgrader generate_assignment`` into the
                                              gradebook, students and their submissions
    make_bundle(a)                            what every task of ``a`` needs (task.py)
    grade_class(client, a, students, root)    one task per submission, the largest first;
                                              each result written to the gradebook and
                                              ``autograded/`` as it comes
    grade_assignment(client, a, students)     register, bundle, grade: ``make autograde``
    grade_all(a, students, root=...)          the same on a local cluster of its own, for an
                                              assignment already registered (tests, bench)

Nothing is lost or counted twice: a task is a pure function of the submission and the
bundle, Dask runs it again on another worker when its worker dies mid-task, and the
coordinator writes a student's grades once, when the task's result arrives, replacing
whatever that submission held before (``gradebook.record``).
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ... import SOLUTIONS
from .. import gradebook, nbgrader_run
from ..progress import Progress
from ...settings import Settings, cores, grading_settings
from .task import (IGNORED, AssignmentBundle, Submission, TaskResult, code_digest,
                   hold, read_tree, write_tree)
from .worker import WarmNbgrader, grade


# What a local cluster's processes do besides grading, made rarer: the workers' statistical
# profiler (a stack sample every 10 ms) and the system and memory monitors (every 0.1-0.5 s)
# kept an idle cluster of two workers 0.23 cores busy, a ninth of a 2-core machine that the
# kernels need; with these, 0.04. (For workers you start yourself: README, "Grading a large class".)
QUIET_CLUSTER = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.system-monitor.interval": "5s",
                 "distributed.worker.memory.monitor-interval": "5s"}


class ClusterError(RuntimeError):
    """The scheduler cannot be reached, has no workers, or its workers cannot grade."""


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, timeout: float = 30.0):
    """A Dask ``Client``, closed afterwards: on an existing ``scheduler`` (``tcp://host:8786``)
    that has at least one worker within ``timeout`` seconds, else on a ``LocalCluster`` of
    ``workers`` (default ``Settings.workers``) processes with one thread each, quiet
    (``QUIET_CLUSTER``).
    Raises ``ClusterError`` with what to do."""
    import dask
    from distributed import Client, LocalCluster
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} "
                               f"({type(exc).__name__}: {exc})") from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            client.close()
            raise ClusterError(f"the Dask scheduler at {scheduler} has no workers after {timeout:g} s: "
                               f"start some with `dask worker {scheduler}` (README)") from None
    else:
        # Dask's Nanny writes its workers' variables (PYTHONHASHSEED=6640, OMP_NUM_THREADS=1,
        # ...) into its parent's environment, i.e. here: the instructor's is put back.
        environ = dict(os.environ)
        try:
            with dask.config.set(QUIET_CLUSTER):
                cluster = LocalCluster(n_workers=workers or Settings.from_env().workers,
                                       threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
        finally:
            _restore(environ)
        client = Client(cluster)
    try:
        # a core per worker when there is one worker per core on this machine; with fewer
        # workers (one student: one worker) a task may use the idle cores (TensorFlow does);
        # elsewhere, the OS decides
        warm(client, pin=cluster is not None and len(cluster.workers) == cores())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
            _restore(environ)


def _restore(environ: dict) -> None:
    os.environ.clear()
    os.environ.update(environ)


def warm(client, pin: bool = False) -> None:
    """Register the ``WarmNbgrader`` plugin on the client's workers, present and future
    (any client: ``connect``'s, or a Slurm or Kubernetes cluster's, see the README); ``pin``:
    each worker's tasks on a core of their own (only for workers named 0, 1, ... on one machine)."""
    try:
        client.register_plugin(WarmNbgrader(pin))
    except Exception as exc:  # noqa: BLE001 - whatever the workers said, say it once
        raise ClusterError(f"the Dask workers cannot load the grading code ({type(exc).__name__}: "
                           f"{exc}); start them from this repository with "
                           "PYTHONPATH=<repo>/autograde (README)") from None


def describe(client) -> str:
    """``"a local cluster of 2 worker(s)"`` or ``"tcp://host:8786 with 5 worker(s)"``."""
    count = len(client.scheduler_info(n_workers=-1)["workers"])
    if client.cluster is not None:
        return f"a local cluster of {count} worker(s)"
    return f"{client.scheduler.address} with {count} worker(s)"


def register(assignment: str, students: list[str], root: Path | None = None,
             release_dir: Path | None = None, db_url: str | None = None) -> str:
    """Put ``assignment`` (``nbgrader generate_assignment`` into ``release_dir``, default the
    git-ignored ``<root>/release``, never ``course/``), ``students`` and their ungraded
    submissions in the gradebook of ``root`` (or ``db_url``). Returns the gradebook URL."""
    root_path = Path(root or nbgrader_run.course_root())
    url = nbgrader_run.with_driver(db_url or nbgrader_run.gradebook_url(root))
    nbgrader_run.release(assignment, root=root, release_dir=release_dir or root_path / "release",
                         db_url=db_url)
    gradebook.create_students(url, students, assignment, root=root_path)
    return url


def make_bundle(assignment: str, source: Path = SOLUTIONS,
                settings: dict[str, str] | None = None) -> AssignmentBundle:
    """The bundle of ``assignment``: its source folder's files (but the notebooks, which
    nbgrader does not copy either), a gradebook that holds only the assignment, made by
    ``nbgrader generate_assignment`` in a scratch root, and ``settings`` (default:
    ``grading_settings()`` now)."""
    settings = grading_settings() if settings is None else settings
    with tempfile.TemporaryDirectory(prefix="rnncourse-bundle-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        nbgrader_run.release(assignment, root=root, release_dir=Path(tmp) / "release")
        book = (root / "gradebook.db").read_bytes()
    files = read_tree(Path(source) / assignment, IGNORED + ("*.ipynb",))
    return AssignmentBundle(assignment, files, book, settings, code_digest())


def outcome(future, assignment: str, student: str) -> TaskResult:
    """The task's result, or a failed one saying why the task itself failed."""
    from distributed.scheduler import KilledWorker
    try:
        return future.result()
    except KilledWorker:
        reason = ("every Dask worker that graded it died (a crash, or out of memory?); "
                  "Dask gave up after distributed.scheduler.allowed-failures tries")
    except Exception as exc:  # noqa: BLE001 - one student's failure, reported with the others
        reason = f"the grading task failed: {type(exc).__name__}: {exc}"
    return TaskResult(assignment, student, returncode=-1, reason=reason)


def save(gb, root: Path, result: TaskResult) -> TaskResult:
    """Write ``result`` where ``make feedback`` and ``make grades`` read it: the files in
    ``<root>/autograded/<student>/<assignment>/`` (replaced, as ``--force`` does) and the
    grades in ``gb``. A failed result leaves no autograded folder, as nbgrader does."""
    folder = Path(root) / "autograded" / result.student / result.assignment
    shutil.rmtree(folder, ignore_errors=True)
    if not result.ok:
        return result
    try:
        write_tree(result.files, folder)
        gradebook.record(gb, result)
    except ValueError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        result.reason = f"could not save the result: {exc}"
    return result


def largest_first(submissions: list[Submission]) -> list[Submission]:
    """The order tasks are handed out in: the most bytes first (a worked notebook takes
    longer to grade than a blank one, a broken file almost no time), so that the quick
    tasks come last and fill the gaps while the last long ones finish, rather than one
    long task running alone at the end. Ties keep their order."""
    return sorted(submissions, key=lambda s: -sum(map(len, s.files.values())))


def grade_class(client, assignment: str, students: list[str], root: Path, url: str | None = None,
                stream=None, bundle: AssignmentBundle | None = None) -> list[TaskResult]:
    """Grade ``<root>/submitted/<student>/<assignment>/`` of each of ``students`` (already
    registered in the gradebook ``url``, default the root's), one Dask task each; save each
    result as it arrives, with a progress bar on ``stream`` (stderr). Results by student."""
    from distributed import as_completed
    url = url or nbgrader_run.gradebook_url(root)
    bundle = bundle or make_bundle(assignment)
    held = client.submit(hold, bundle, key=f"bundle-{assignment}-{bundle.digest[:16]}")
    futures = {}
    for submission in largest_first([Submission.from_folder(root, assignment, s) for s in students]):
        student = submission.student
        key = f"grade-{assignment}-{student}-{submission.digest[:16]}"
        futures[client.submit(grade, submission, held, key=key)] = student
    progress, results = Progress(len(futures), stream), []
    try:
        with gradebook.open_gradebook(url) as gb:
            for future in as_completed(futures):
                result = save(gb, root, outcome(future, assignment, futures[future]))
                future.release()
                results.append(result)
                progress.update(result)
    finally:
        client.cancel(list(futures) + [held])
        progress.finish()
    return sorted(results, key=lambda r: r.student)


def grade_assignment(client, assignment: str, students: list[str], root: Path | None = None,
                     stream=None, settings: dict[str, str] | None = None) -> list[TaskResult]:
    """What ``make autograde`` does for one assignment: register it and the students in the
    instructor's gradebook while its bundle is made, then ``grade_class``. ``settings``:
    ``grading_settings()`` taken before the cluster started (a local cluster's Nanny changes
    this process's environment when it restarts a worker); default: now."""
    root = Path(root or nbgrader_run.course_root())
    with ThreadPoolExecutor(1) as pool:
        bundle = pool.submit(make_bundle, assignment, settings=settings)
        url = register(assignment, students, root=root)
        bundle = bundle.result()
    return grade_class(client, assignment, students, root, url, stream, bundle)


def grade_all(assignment: str, students: list[str], workers: int | None = None,
              root: Path | None = None, db_url: str | None = None, stream=None,
              scheduler: str | None = None) -> list[TaskResult]:
    """Grade ``students`` (in ``<root>/submitted/``) of ``assignment`` (already registered
    in the gradebook of ``root``, or ``db_url``) on a local cluster of ``workers`` started
    for this call (or on ``scheduler``). Each result has ``.ok``, ``.student``, ``.error``."""
    root = Path(root or nbgrader_run.course_root())
    url = nbgrader_run.with_driver(db_url or nbgrader_run.gradebook_url(root))
    with ThreadPoolExecutor(2) as pool:  # bundle and students while the cluster starts
        bundle = pool.submit(make_bundle, assignment, settings=grading_settings())
        added = pool.submit(gradebook.create_students, url, students, assignment, root=root)
        with connect(scheduler, workers) as client:
            added.result()
            return grade_class(client, assignment, students, root, url, stream, bundle.result())
