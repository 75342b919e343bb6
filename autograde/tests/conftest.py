"""Shared fixtures: the grading package on the path, the assignments, graded results."""
from __future__ import annotations

import shutil
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
    """One assignment in a scratch course, graded by real nbgrader as `make autograde` grades a
    class: students ``solution``, ``blank``, ``wrong`` (a sample of mutants) and ``right-styles``."""

    def __init__(self, assignment: str, workdir: Path):
        super().__init__(assignment, workdir)
        self.submit("solution", self.filled())
        self.submit("blank", self.blank())
        # One student with two wrong functions that do not call each other.
        self.mutants = sampled_mutants(assignment)
        self.submit("wrong", self.filled({m.exercise: m.source for m in self.mutants}))
        # Right implementations in other styles, one per exercise: what crosses between the
        # student's kernel and the grader's must not depend on how an answer is written.
        self.right = first_right_of_each(assignment)
        if self.right:
            self.submit("right-styles", self.filled(self.right))
        # Graded as `make autograde` grades a class: one Dask task per student, a worker per core.
        failed = [f"{r.student}: {r.error}" for r in self.grade_in_parallel() if not r.ok]
        assert not failed, f"nbgrader could not grade {failed}"
        self.graded_scores = self.scores()


@pytest.fixture(scope="session")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="rnncourse-grading-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


_graded: dict[str, GradedAssignment] = {}


@pytest.fixture
def graded(workdir):
    """``graded(assignment)`` -> GradedAssignment, graded once per session."""
    def get(assignment: str) -> GradedAssignment:
        if assignment not in _graded:
            _graded[assignment] = GradedAssignment(assignment, workdir / assignment)
        return _graded[assignment]
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
