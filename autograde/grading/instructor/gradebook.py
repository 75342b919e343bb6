"""The gradebook, read and written through nbgrader's ``Gradebook`` API in one place.

    create(url)                             an empty gradebook, as nbgrader makes one, in
                                            a fraction of a second
    open_gradebook(url)                     a Gradebook, SQLAlchemy's harmless warning muted
    create_students(url, students, a, ..)   students and their (still ungraded) submissions
    read_submission(url, a, student)        every grade, comment and late penalty of one
                                            submission (a worker reads its scratch gradebook)
    record(gb, result)                      write one worker's result into the instructor's
                                            gradebook, replacing that submission's grades

Only the coordinator writes the instructor's gradebook (SQLite by default, PostgreSQL with
``RNNCOURSE_DB_URL``); workers grade into a scratch SQLite file of their own and send the
grades back as plain data (``cluster/task.py``).
"""
from __future__ import annotations

import functools
import warnings
from contextlib import contextmanager
from pathlib import Path

from .cluster.task import CommentRecord, GradeRecord, TaskResult

COURSE_ID = "rnncourse"


@functools.lru_cache(maxsize=None)
def schema_revision() -> str:
    """The newest revision of nbgrader's gradebook schema (its alembic head)."""
    import nbgrader
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    config = Config()
    config.set_main_option("script_location", str(Path(nbgrader.__file__).parent / "alembic"))
    (head,) = ScriptDirectory.from_config(config).get_heads()
    return head


def create(url: str) -> bool:
    """Make the gradebook ``url`` if it has no tables yet (True), as ``Gradebook(url)`` makes
    it: nbgrader's tables, stamped with ``schema_revision()``. ``Gradebook`` asks a
    subprocess (``alembic heads``) for that stamp, which imports all of nbgrader again: 7 s
    for every new gradebook (a release, a Dask bundle, a scratch course) instead of 0.5 s
    once per process. An existing gradebook is left alone (False)."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, inspect, text
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    try:
        if inspect(engine).get_table_names():
            return False
        Base.metadata.create_all(bind=engine)
        with engine.begin() as db:
            db.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            db.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"),
                       {"v": schema_revision()})
        return True
    finally:
        engine.dispose()


@contextmanager
def open_gradebook(url: str):
    """``nbgrader.api.Gradebook(url)`` (made by ``create`` if new). nbgrader's
    ``update_or_create_submission`` trips SQLAlchemy 2's backref-cascade warning ("Object of
    type <SubmittedAssignment> not in session"), which says nothing about the grades: that
    warning is muted, for good (``catch_warnings`` is not thread-safe, and the coordinator
    opens gradebooks from several threads at once)."""
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning
    warnings.filterwarnings("ignore", r"Object of type <Submitted\w+> not in session", SAWarning)
    create(url)
    with Gradebook(url, course_id=COURSE_ID) as gb:
        yield gb


def submitted_timestamp(folder: Path):
    """The time in ``<folder>/timestamp.txt`` (as nbgrader reads it), else None."""
    from nbgrader.utils import parse_utc
    path = Path(folder) / "timestamp.txt"
    return parse_utc(path.read_text().strip()) if path.is_file() else None


def create_students(url: str, students: list[str], assignment: str | None = None,
                    root: Path | None = None) -> int:
    """Add the students missing from the gradebook and (with ``assignment``) their
    submissions of it, stamped with ``<root>/submitted/<student>/<assignment>/timestamp.txt``
    when ``root`` is given. Returns how many students were added.

    A submission that then fails to grade stays in the gradebook without scores, as
    after a plain ``nbgrader autograde``."""
    with open_gradebook(url) as gb:
        missing = sorted(set(students) - {s.id for s in gb.students})
        for student in missing:
            gb.update_or_create_student(student)
        for student in sorted(set(students)) if assignment else []:
            stamp = submitted_timestamp(Path(root) / "submitted" / student / assignment) if root else None
            gb.update_or_create_submission(assignment, student,
                                           **({"timestamp": stamp} if stamp else {}))
    return len(missing)


def read_submission(url: str, assignment: str, student: str):
    """``(grades, comments, late_penalties)`` of one submission: tuples of ``GradeRecord``
    and ``CommentRecord`` sorted by notebook and cell, ``{notebook: penalty}``."""
    with open_gradebook(url) as gb:
        sub = gb.find_submission(assignment, student)
        grades, comments, late = [], [], {}
        for nb in sub.notebooks:
            late[nb.name] = nb.late_submission_penalty
            grades += [GradeRecord(nb.name, g.name, g.auto_score, g.manual_score, g.extra_credit,
                                   bool(g.needs_manual_grade)) for g in nb.grades]
            comments += [CommentRecord(nb.name, c.name, c.auto_comment, c.manual_comment)
                         for c in nb.comments]
    key = lambda r: (r.notebook, r.name)  # noqa: E731
    return tuple(sorted(grades, key=key)), tuple(sorted(comments, key=key)), late


def record(gb, result: TaskResult) -> None:
    """Write a successful ``result`` into ``gb`` (an open Gradebook) in one transaction.

    The submission's automatic scores, extra credit, automatic comments and late penalties
    are replaced by the result's, as ``nbgrader autograde --force`` replaces them: writing
    the same result twice leaves the same gradebook. A manual score an instructor already
    gave is kept and flagged for review (``needs_manual_grade``), as nbgrader does.
    Raises ``ValueError`` (and writes nothing) when the result names a cell the gradebook
    does not know: the worker graded another version of the assignment."""
    sub = gb.update_or_create_submission(result.assignment, result.student)
    notebooks = {nb.name: nb for nb in sub.notebooks}
    grades = {(nb.name, g.name): g for nb in sub.notebooks for g in nb.grades}
    comments = {(nb.name, c.name): c for nb in sub.notebooks for c in nb.comments}
    unknown = sorted({(r.notebook, r.name) for r in result.grades} - set(grades)
                     | {(r.notebook, r.name) for r in result.comments} - set(comments)
                     | {(name, "") for name in result.late_penalties} - {(n, "") for n in notebooks})
    if unknown:
        gb.db.rollback()
        raise ValueError(f"the gradebook has no cell {unknown[0]} of this assignment: "
                         "was the worker given another version of it?")
    try:
        for r in result.grades:
            grade = grades[r.notebook, r.name]
            grade.auto_score, grade.extra_credit = r.auto_score, r.extra_credit
            grade.needs_manual_grade = r.needs_manual_grade or grade.manual_score is not None
        for r in result.comments:
            comments[r.notebook, r.name].auto_comment = r.auto_comment
        for name, penalty in result.late_penalties.items():
            notebooks[name].late_submission_penalty = penalty
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise
