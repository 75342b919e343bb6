"""What crosses between the coordinator and a Dask worker: plain data, never a path.

    Submission        one student's submitted files (relative path -> bytes)
    AssignmentBundle  what grading any submission of one assignment needs: the files of its
                      source folder, a gradebook holding only the assignment (SQLite bytes),
                      the grading settings and a digest of the grading code
    GradeRecord       one grade of one test or task cell, as nbgrader saved it
    CommentRecord     one cell's comments
    TaskResult        what a worker sends back: the autograded files, every grade and
                      comment, the late penalties, nbgrader's log

All are dataclasses of builtins, picklable by any Python that has this package, so a task is
a pure function of its inputs: run twice (a worker died and Dask ran it again elsewhere),
it gives the same result, and the coordinator writes each student once.
"""
from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ... import AUTOGRADE, REPO

# What nbgrader skips too (CourseDirectory.ignore in nbgrader_config.py).
IGNORED = (".ipynb_checkpoints", "*.pyc", "__pycache__", "*.egg-info")
ERROR_LINE = re.compile(r"^\s*(?:\[\w+ \| ERROR\] )?([\w.]*(?:Error|Exception|Exit)\w*: .+)$")
LOG_TAIL = 20_000  # characters of nbgrader's log kept in a result


def checked_path(name: str) -> PurePosixPath:
    """``name`` as a relative path that stays inside the folder it is written to; a
    ``ValueError`` for an absolute path or one climbing out with ``..``."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise ValueError(f"refusing the file name {name!r}: not a plain relative path")
    return path


def read_tree(folder: Path, ignore: tuple[str, ...] = IGNORED) -> dict[str, bytes]:
    """``{relative posix path: bytes}`` of every file under ``folder`` (none if it does
    not exist), leaving out what matches ``ignore`` at any depth."""
    folder = Path(folder)
    files = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(folder)
        if path.is_file() and not any(fnmatch.fnmatch(part, pattern)
                                      for part in rel.parts for pattern in ignore):
            files[rel.as_posix()] = path.read_bytes()
    return files


def write_tree(files: dict[str, bytes], folder: Path) -> None:
    """Write ``files`` (as ``read_tree`` returns them) under ``folder``. Every name is
    checked first, so a bad one leaves nothing half written."""
    paths = {name: Path(folder, checked_path(name)) for name in files}
    for name, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])


def digest_of(files: dict[str, bytes], *extra: str) -> str:
    """A sha256 over file names, contents and ``extra`` strings (stable across machines)."""
    h = hashlib.sha256()
    for text in extra:
        h.update(text.encode() + b"\0")
    for name in sorted(files):
        h.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code that decides scores: the nbgrader config, the grading package
    and the helper library. Coordinator and workers compare theirs before grading."""
    files = {}
    for base, pattern in ((AUTOGRADE, "nbgrader_config.py"), (AUTOGRADE, "grading/**/*.py"),
                          (REPO, "lib/rnncourse/**/*.py")):
        for path in sorted(base.glob(pattern)):
            files[path.relative_to(REPO).as_posix()] = path.read_bytes()
    return digest_of(files)


@dataclass(frozen=True)
class Submission:
    """One student's submitted files of one assignment."""
    assignment: str
    student: str
    files: dict[str, bytes]

    @classmethod
    def from_folder(cls, root: Path, assignment: str, student: str) -> "Submission":
        """The files of ``<root>/submitted/<student>/<assignment>/``."""
        return cls(assignment, student, read_tree(Path(root) / "submitted" / student / assignment))

    @property
    def digest(self) -> str:
        return digest_of(self.files, self.assignment, self.student)


@dataclass(frozen=True)
class AssignmentBundle:
    """Everything a worker needs to grade any submission of ``assignment``."""
    assignment: str
    source_files: dict[str, bytes]  # solutions/<assignment>/ (nbgrader copies data files from it)
    gradebook: bytes                # an SQLite gradebook with only the assignment registered
    settings: dict[str, str]        # grading_settings() of the coordinator
    code: str                       # code_digest() of the coordinator

    @property
    def digest(self) -> str:
        settings = "\0".join(f"{k}={v}" for k, v in sorted(self.settings.items()))
        return digest_of({**self.source_files, "\0gradebook": self.gradebook},
                         self.assignment, settings, self.code)


def hold(bundle: AssignmentBundle) -> AssignmentBundle:
    """The task that keeps a bundle on the cluster: its result is fetched by every grading
    task of the assignment, and recomputed from the scheduler's copy if its worker dies."""
    return bundle


@dataclass(frozen=True)
class GradeRecord:
    """One grade as nbgrader's SaveAutoGrades left it."""
    notebook: str
    name: str
    auto_score: float | None
    manual_score: float | None
    extra_credit: float | None
    needs_manual_grade: bool


@dataclass(frozen=True)
class CommentRecord:
    notebook: str
    name: str
    auto_comment: str | None
    manual_comment: str | None


def error_summary(output: str) -> str:
    """The most telling line of a failed run: its last ``SomeError: message`` line."""
    errors = [m.group(1) for m in map(ERROR_LINE.match, output.splitlines()) if m]
    if errors:
        return errors[-1][:300]
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


@dataclass
class TaskResult:
    """How grading one submission went. ``ok`` when nbgrader succeeded and the grades came
    back; otherwise ``error`` says why (``reason`` if the task never ran nbgrader or its
    result could not be used, else the telling line of nbgrader's log)."""
    assignment: str
    student: str
    returncode: int
    log: str = ""
    seconds: float = 0.0
    grades: tuple[GradeRecord, ...] = ()
    comments: tuple[CommentRecord, ...] = ()
    late_penalties: dict[str, float | None] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # autograded/<student>/<assignment>/
    worker: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.reason

    @property
    def error(self) -> str:
        if self.ok:
            return ""
        return self.reason or error_summary(self.log)
