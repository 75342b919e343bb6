"""Shared fixtures: the grading package on the path, the assignments, graded results."""
from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from grading import MUTANTS, SOLUTIONS, assignments, nbgrader_run, submissions  # noqa: E402
from grading.anatomy import answer_ids, is_question, points  # noqa: E402
from grading.cluster.coordinator import grade_all  # noqa: E402
from grading.kernel import GradingKernel, mutants_of  # noqa: E402

ASSIGNMENTS = assignments()


def sampled_mutants(assignment: str, per_notebook: int = 2):
    """A deterministic sample of wrong implementations for the full nbgrader round trip:
    the first wrong implementation of the first ``per_notebook`` exercises."""
    seen, sample = set(), []
    for mutant in mutants_of(MUTANTS / assignment):
        if mutant.exercise not in seen and len(sample) < per_notebook:
            seen.add(mutant.exercise)
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


class GradedAssignment:
    """One assignment released into a scratch course root and graded by real nbgrader:
    students ``solution``, ``blank`` and ``wrong-<mutant>`` for a sample of mutants."""

    def __init__(self, assignment: str, workdir: Path):
        self.assignment = assignment
        self.root, self.release = workdir / "root", workdir / "release"
        self.root.mkdir(parents=True)
        nbgrader_run.release(assignment, root=self.root, release_dir=self.release)
        release_nb = submissions.release_notebook(assignment, self.release)
        self.points = points(release_nb)
        self.exercises = answer_ids(release_nb)
        self.mutants = {f"wrong-{m.name.replace('_', '-')}": m for m in sampled_mutants(assignment)}
        nbgrader_run.submit(self.root, "solution", assignment,
                            submissions.filled(assignment, course=self.release))
        nbgrader_run.submit(self.root, "blank", assignment,
                            submissions.blank(assignment, course=self.release))
        for student, mutant in self.mutants.items():
            nb = submissions.filled(assignment, {mutant.exercise: mutant.source}, course=self.release)
            nbgrader_run.submit(self.root, student, assignment, nb)
        # Right implementations in other styles, one per exercise: what crosses between the
        # student's kernel and the grader's must not depend on how an answer is written.
        self.right = first_right_of_each(assignment)
        if self.right:
            nbgrader_run.submit(self.root, "right-styles", assignment,
                                submissions.filled(assignment, self.right, course=self.release))
        # Graded as `make autograde` grades a class: one Dask task per student, a worker per core.
        students = sorted(p.name for p in (self.root / "submitted").iterdir())
        results = grade_all(assignment, students, root=self.root, stream=io.StringIO())
        failed = [f"{r.student}: {r.error}" for r in results if not r.ok]
        assert not failed, f"nbgrader could not grade {failed}"
        self.scores = nbgrader_run.scores(self.root, assignment)


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


@pytest.fixture(scope="module")
def kernels():
    """One solution kernel per notebook, shared by a test module (see grading.kernel)."""
    holder = OneKernelAtATime()
    yield holder
    holder.close()


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs nbgrader or whole notebooks")


__all__ = ["ASSIGNMENTS", "is_question"]
