"""Every setting of the grading in one place: its variable, default and meaning.

    settings = Settings.from_env()      # this process's environment, checked
    settings.root, settings.db_url, settings.cell_timeout, settings.workers, ...
    grading_settings()                  # what a Dask task carries to a worker elsewhere

The commands' options (``--workers``) override the environment through
``Settings.from_env(workers=...)``. The README's table "Grading settings" lists ``VARIABLES``
(``tests/test_settings.py`` keeps the two in step). Variables the grading sets for its own
processes (``INTERNAL``) are not settings: nobody needs to set them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import COURSE, REPO, SOLUTIONS

CLASSROOM = REPO / "classroom"  # git-ignored: every file grading makes, apart from the code


@dataclass(frozen=True)
class Variable:
    name: str
    default: str       # as the README shows it
    meaning: str
    travels: bool = False  # changes how a submission is graded: sent with every Dask task


SANDBOX_LIMITS = {  # NAME: default, for RNNCOURSE_SANDBOX_<NAME>
    "MEMORY_MB": 6144, "PROCESSES": 256, "CPU_SECONDS": 900, "FILE_MB": 256}

VARIABLES = (
    Variable("RNNCOURSE_GRADING_ROOT", "classroom/",
             "the course root: submitted/, autograded/, feedback/, the gradebook, grades.csv, report/"),
    Variable("RNNCOURSE_DB_URL", "<root>/gradebook.db",
             "the gradebook, an SQLAlchemy URL (e.g. postgresql://user:password@host/db)"),
    Variable("RNNCOURSE_WORKERS", "one per core",
             "local Dask workers of `make autograde` (its --workers wins)"),
    Variable("RNNCOURSE_CELL_TIMEOUT", "240", "seconds a cell may run before it fails", travels=True),
    Variable("RNNCOURSE_TWO_KERNELS", "1",
             "0 runs student code and tests in one kernel (for measurements only)", travels=True),
    Variable("RNNCOURSE_UNSANDBOXED", "0",
             "1 grades without the sandbox (student code then runs with your rights)", travels=True),
    *(Variable(f"RNNCOURSE_SANDBOX_{name}", str(default),
               f"sandbox limit per kernel: {name.lower().replace('_', ' ')}", travels=True)
      for name, default in SANDBOX_LIMITS.items()),
    Variable("RNNCOURSE_PREFORK", "1", "0 starts every nbgrader afresh instead of forking a warm one"),
    Variable("RNNCOURSE_SOURCE_DIR", "solutions/", "the instructor's source notebooks"),
    Variable("RNNCOURSE_RELEASE_DIR", "course/", "the student release"),
)
# Set by the grading for its own processes (kernels, forked nbgrader runs), never by hand.
INTERNAL = ("RNNCOURSE_SANDBOX_ROLE", "RNNCOURSE_EXCHANGE", "RNNCOURSE_STUDENT_CONNECTION",
            "RNNCOURSE_SANDBOX_READY")
TRAVELLING = ("PYTHONHASHSEED",) + tuple(v.name for v in VARIABLES if v.travels)


def _whole(environ, name: str, default: int, minimum: int = 1) -> int:
    raw = str(environ.get(name, "")).strip() or str(default)
    if not raw.isdigit() or int(raw) < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, not {raw!r}")
    return int(raw)


def _switch(environ, name: str, default: bool) -> bool:
    raw = str(environ.get(name, "")).strip()
    if raw not in ("", "0", "1"):
        raise ValueError(f"{name} must be 0 or 1, not {raw!r}")
    return default if raw == "" else raw == "1"


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS
        return max(1, os.cpu_count() or 1)


def with_driver(url: str) -> str:
    """``url`` naming the PostgreSQL driver the course installs (psycopg2): SQLAlchemy 2.1
    reads a bare ``postgresql://`` as psycopg 3. Other URLs unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class Settings:
    root: Path
    db_url: str
    workers: int
    cell_timeout: int
    two_kernels: bool
    unsandboxed: bool
    sandbox_limits: dict = field(default_factory=dict)  # NAME -> whole number
    prefork: bool = True
    source_dir: Path = SOLUTIONS
    release_dir: Path = COURSE

    @classmethod
    def from_env(cls, environ=None, **overrides) -> "Settings":
        """The settings in ``environ`` (default: this process's), each checked: a
        ``ValueError`` names the variable and the value it refuses. ``overrides`` (a
        command's options) win; None leaves a setting as the environment has it."""
        env = os.environ if environ is None else environ
        root = Path(env.get("RNNCOURSE_GRADING_ROOT") or CLASSROOM)
        settings = cls(
            root=root,
            db_url=with_driver(env.get("RNNCOURSE_DB_URL") or f"sqlite:///{root / 'gradebook.db'}"),
            workers=_whole(env, "RNNCOURSE_WORKERS", cores()),
            cell_timeout=_whole(env, "RNNCOURSE_CELL_TIMEOUT", 240),
            two_kernels=_switch(env, "RNNCOURSE_TWO_KERNELS", True),
            unsandboxed=_switch(env, "RNNCOURSE_UNSANDBOXED", False),
            sandbox_limits=sandbox_limits(env),
            prefork=_switch(env, "RNNCOURSE_PREFORK", True),
            source_dir=Path(env.get("RNNCOURSE_SOURCE_DIR") or SOLUTIONS),
            release_dir=Path(env.get("RNNCOURSE_RELEASE_DIR") or COURSE))
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def sandbox_limits(environ=None) -> dict[str, int]:
    """``{name: value}`` of the ``RNNCOURSE_SANDBOX_<NAME>`` limits (defaults in
    ``SANDBOX_LIMITS``), and nothing else: a kernel launcher reads only these."""
    env = os.environ if environ is None else environ
    return {name: _whole(env, f"RNNCOURSE_SANDBOX_{name}", default)
            for name, default in SANDBOX_LIMITS.items()}


def grading_settings(environ=None) -> dict[str, str]:
    """The variables of ``TRAVELLING`` set in ``environ`` (default: this process's): a Dask
    task carries them, so that a worker on another machine grades the same way."""
    env = os.environ if environ is None else environ
    return {k: env[k] for k in sorted(TRAVELLING) if k in env}
