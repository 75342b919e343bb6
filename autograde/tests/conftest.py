"""Shared fixtures: the grading package on the path, the assignments, graded results."""
from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from grading import MUTANTS, SOLUTIONS, assignments  # noqa: E402
from grading.anatomy import is_question  # noqa: E402
from grading.authoring.kernel import GradingKernel, mutants_of  # noqa: E402
from grading.authoring.scratch import ScratchCourse  # noqa: E402

ASSIGNMENTS = assignments()


def sampled_mutants(assignment: str, per_notebook: int = 2):
    """A deterministic sample of wrong implementations for the full nbgrader round trip:
    the first wrong implementation of the first ``per_notebook`` exercises that do not call
    each other (so that, graded together in one notebook, each one's loss is its own)."""
    sample = []
    for mutant in mutants_of(MUTANTS / assignment):
        independent = all(mutant.exercise not in m.breaks and m.exercise not in mutant.breaks
                          for m in sample)
        if independent and len(sample) < per_notebook:
            sample.append(mutant)
    return sample


RIGHT = Path(__file__).resolve().parent / "right"


def first_right_of_each(assignment: str) -> dict[str, str]:
    """``{exercise: source}``: the first right implementation (in another style than the
    solution's) of each exercise in ``autograde/tests/right/<assignment>/``."""
    chosen: dict[str, str] = {}
    for path in sorted((RIGHT / assignment).glob("*.py")):
        chosen.setdefault(path.stem.split("__")[0], path.read_text())
    return chosen


class GradedAssignment(ScratchCourse):
    """One assignment in a scratch course with students ``solution``, ``blank`` and ``mixed``:
    right implementations in other styles than the solution's (what crosses between the
    student's kernel and the grader's must not depend on how an answer is written), but for a
    sample of wrong functions that do not call each other. Graded by real nbgrader as `make
    autograde` grades a class (``grade_all_assignments``); scores in ``graded_scores``."""

    def __init__(self, assignment: str, workdir: Path):
        super().__init__(assignment, workdir)
        self.submit("solution", self.filled())
        self.submit("blank", self.blank())
        self.mutants = sampled_mutants(assignment)
        self.right = first_right_of_each(assignment)
        self.submit("mixed", self.filled({**self.right, **{m.exercise: m.source for m in self.mutants}}))
        self.graded_scores: dict = {}
        self.not_graded: list[str] = []

    @property
    def broken(self) -> set[str]:
        """The exercises whose tests the sampled wrong functions break: with the solution's
        code (``Mutant.breaks``), and any whose right implementation calls a wrong one."""
        wrong = {m.exercise for m in self.mutants}
        calls = {e for e, source in self.right.items()
                 if any(re.search(rf"\b{w}\s*\(", source) for w in wrong)}
        return {e for m in self.mutants for e in m.breaks} | calls


def grade_assignments(assignments, workdir: Path) -> dict[str, GradedAssignment]:
    """The students of ``assignments``, graded on one local Dask cluster, a worker per core."""
    courses = [GradedAssignment(a, workdir / a) for a in assignments]
    results = ScratchCourse.grade_together(courses)
    for course in courses:
        course.not_graded = [f"{r.student}: {r.error}" for r in results[course.assignment] if not r.ok]
        course.graded_scores = course.scores()
    return {c.assignment: c for c in courses}


@pytest.fixture(scope="session")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="rnncourse-grading-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def released(workdir):
    """``released(assignment)`` -> the folder of a fresh `make release` made elsewhere, once per
    session: the graded students below are handed the same release."""
    return lambda assignment: ScratchCourse(assignment, workdir / assignment).release


_graded: dict[str, GradedAssignment] = {}


@pytest.fixture
def graded(workdir, request):
    """``graded(assignment)`` -> GradedAssignment. On first use, every assignment a selected
    test asks for is graded, all at once."""
    def get(assignment: str) -> GradedAssignment:
        if assignment not in _graded:
            wanted = {item.callspec.params["assignment"] for item in request.session.items
                      if "graded" in getattr(item, "fixturenames", ())
                      and "assignment" in getattr(getattr(item, "callspec", None), "params", {})}
            _graded.update(grade_assignments(sorted((wanted | {assignment}) - set(_graded)), workdir))
        g = _graded[assignment]
        assert not g.not_graded, f"nbgrader could not grade {g.not_graded}"
        return g
    return get


class OneKernelAtATime:
    """Keeps the kernel of the current notebook; starting another closes it (memory)."""

    def __init__(self):
        self.assignment, self.kernel = None, None

    def get(self, assignment: str) -> GradingKernel:
        if assignment != self.assignment:
            self.close()
            self.kernel = GradingKernel(SOLUTIONS / assignment / f"{assignment}.ipynb").__enter__()
            self.assignment = assignment
        return self.kernel

    def close(self):
        if self.kernel is not None:
            self.kernel.__exit__(None, None, None)
        self.assignment, self.kernel = None, None


@pytest.fixture(scope="session")
def kernels():
    """One solution kernel per notebook, shared by every test that swaps code into it (see
    grading.authoring.kernel); ``pytest_collection_modifyitems`` runs those tests notebook by notebook."""
    holder = OneKernelAtATime()
    yield holder
    holder.close()


@pytest.fixture
def kernel_copy(tmp_path):
    """What a fork bomb leaves behind when its kernel is restarted, in miniature. Yields
    ``(socket_prefix, code)``: a short ipc socket prefix for the kernel (a socket path has at
    most 107 bytes) and code that, run in it, forks a copy of the kernel into a session of its
    own (out of reach of a kill of the kernel's process group), holding the kernel's sockets
    for two minutes. The copy is killed and the socket folder removed afterwards."""
    sockets = tempfile.mkdtemp(prefix="rnncourse-ipc-test-")
    pid_file = tmp_path / "copy.pid"
    code = ("import os, time\nif os.fork() == 0:\n    os.setsid()\n"
            f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
            "    time.sleep(120)\n    os._exit(0)\n")
    yield os.path.join(sockets, "kernel"), code
    if pid_file.exists():
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
    shutil.rmtree(sockets, ignore_errors=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs nbgrader or whole notebooks")
    config.addinivalue_line("markers", "own_kernel: closes the shared kernel and runs a notebook "
                                       "itself (after the shared-kernel tests of that notebook)")


def pytest_collection_modifyitems(items):
    """Tests that use the shared solution kernels run last, grouped by notebook (in test
    module order within a notebook, ``own_kernel`` tests last), so that each notebook runs
    once for all of them."""
    def uses_kernel(item):
        return "kernels" in getattr(item, "fixturenames", ()) and \
            "assignment" in getattr(getattr(item, "callspec", None), "params", {})
    order = {a: i for i, a in enumerate(ASSIGNMENTS)}
    shared = [item for item in items if uses_kernel(item)]
    shared.sort(key=lambda item: (order.get(item.callspec.params["assignment"], len(order)),
                                  item.get_closest_marker("own_kernel") is not None))
    items[:] = [item for item in items if not uses_kernel(item)] + shared


__all__ = ["ASSIGNMENTS", "is_question"]
