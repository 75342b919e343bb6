"""Run the real nbgrader in a course root: release, submit, autograde, read scores.

nbgrader's exit codes do not say whether cells failed, so scores are always read back
from the gradebook.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

from .. import AUTOGRADE
from ..settings import Settings, with_driver

BIN = Path(sys.executable).parent


def course_root() -> Path:
    """The instructor's course root (``Settings.root``: ``RNNCOURSE_GRADING_ROOT``, else
    ``classroom/``)."""
    return Settings.from_env().root


def gradebook_url(root: Path | None = None) -> str:
    """The gradebook of a course root, as an SQLAlchemy URL.

    The instructor's root (``root`` None or ``course_root()``) has ``Settings.db_url``
    (``RNNCOURSE_DB_URL``, e.g. ``postgresql://user:pw@host/db``, as ``nbgrader_config.py``
    reads it); any other root (a scratch root of the tests or the bench) has its own
    ``<root>/gradebook.db``.
    """
    settings = Settings.from_env()
    if root is None or Path(root).resolve() == settings.root.resolve():
        return settings.db_url
    return "sqlite:///" + str(Path(root) / "gradebook.db")


def nbgrader_env(root: Path | None = None, release: Path | None = None,
                 db_url: str | None = None) -> dict:
    """Environment for nbgrader: the venv's bin on PATH (nbgrader calls alembic), and the
    course root / release folder / gradebook when they differ from the instructor's."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.pop("NBGRADER_EXECUTION", None)
    if env.get("RNNCOURSE_DB_URL"):
        env["RNNCOURSE_DB_URL"] = with_driver(env["RNNCOURSE_DB_URL"])
    if root is not None:
        env["RNNCOURSE_GRADING_ROOT"] = str(root)
        env["RNNCOURSE_DB_URL"] = gradebook_url(root)
    if db_url is not None:
        env["RNNCOURSE_DB_URL"] = with_driver(db_url)
    if release is not None:
        env["RNNCOURSE_RELEASE_DIR"] = str(release)
    return env


def nbgrader(*args: str, root: Path | None = None, release: Path | None = None,
             check: bool = True, db_url: str | None = None) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` with the course config (cwd ``autograde/``)."""
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=AUTOGRADE,
                          env=nbgrader_env(root, release, db_url), capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def release(assignment: str, root: Path | None = None, release_dir: Path | None = None,
            db_url: str | None = None):
    """``nbgrader generate_assignment``: solutions/ -> release folder, and register it
    (in a gradebook made beforehand if new: ``gradebook.create``)."""
    from .gradebook import create
    create(with_driver(db_url or gradebook_url(root)))
    return nbgrader("generate_assignment", assignment, "--force", "--create",
                    root=root, release=release_dir, db_url=db_url)


def submit(root: Path, student: str, assignment: str, nb, timestamp: str = "2026-01-01 00:00:00 UTC",
           name: str | None = None) -> Path:
    """Place a submission where ``nbgrader autograde`` looks for it: ``nb`` (a notebook, or
    text for a broken file; None for no notebook at all) as ``name`` (default
    ``<assignment>.ipynb``). Returns the notebook's path."""
    folder = Path(root) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{assignment}.ipynb")
    if isinstance(nb, (str, bytes)):
        path.write_text(nb if isinstance(nb, str) else nb.decode())
    elif nb is not None:
        nbformat.write(nb, str(path))
    (folder / "timestamp.txt").write_text(timestamp)
    return path


def autograde(assignment: str, root: Path, student: str | None = None, check: bool = True):
    """``nbgrader autograde``: every submission of ``assignment`` (or one student's)."""
    args = ["autograde", assignment, "--force", "--create"]
    if student:
        args.append(f"--student={student}")
    return nbgrader(*args, root=root, check=check)


def scores(root: Path | None, assignment: str, db_url: str | None = None) -> dict[str, dict[str, float]]:
    """``{student: {grade_id: score}}`` of autograded test cells, read from the gradebook
    (``db_url``, else the root's: see ``gradebook_url``)."""
    from .gradebook import open_gradebook
    out: dict[str, dict[str, float]] = {}
    with open_gradebook(with_driver(db_url or gradebook_url(root))) as gb:
        for sub in gb.assignment_submissions(assignment):
            grades = {}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    if grade.cell.cell_type == "code" and grade.auto_score is not None:
                        grades[grade.name] = float(grade.score)
            out[sub.student.id] = grades
    return out

