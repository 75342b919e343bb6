"""A throwaway nbgrader course: the recipe shared by the tests, the bench and `make check`.

    course = ScratchCourse("01_sequential_data", folder)   # released into folder/release
    course.submit("alice", course.filled())                # or course.blank(), raw text, ...
    course.submit("bob", course.filled({"make_windows": wrong_source}))
    course.grade()                                         # plain sequential nbgrader autograde
    course.grade_in_parallel()                             # as `make autograde` grades a class
    course.scores()                                        # {student: {grade_id: score}}

The course root (``folder/root``) has its own SQLite gradebook; the instructor's root, its
gradebook and ``course/`` are never touched.
"""
from __future__ import annotations

import io
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ..instructor import nbgrader_run
from . import submissions
from ..anatomy import answer_ids, points


class ScratchCourse:
    """One assignment released into ``folder`` (once: a second course on the same folder
    reuses the release) and ready to take submissions."""

    def __init__(self, assignment: str, folder: Path):
        self.assignment = assignment
        self.folder = Path(folder)
        self.root, self.release = self.folder / "root", self.folder / "release"
        self.root.mkdir(parents=True, exist_ok=True)
        if not ((self.release / assignment).is_dir() and (self.root / "gradebook.db").is_file()):
            nbgrader_run.release(assignment, root=self.root, release_dir=self.release)  # else: done
        self.notebook = submissions.release_notebook(assignment, self.release)
        self.points = points(self.notebook)        # {test grade id: points}
        self.exercises = answer_ids(self.notebook)

    @classmethod
    @contextmanager
    def temporary(cls, assignment: str):
        """A scratch course in a temporary folder, removed afterwards."""
        folder = Path(tempfile.mkdtemp(prefix=f"rnncourse-{assignment[:2]}-"))
        try:
            yield cls(assignment, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @property
    def total(self) -> float:
        return sum(self.points.values())

    def filled(self, replace: dict[str, str] | None = None):
        """The release with every answer from the solutions, then ``replace`` ({exercise: source})."""
        return submissions.filled(self.assignment, replace, course=self.release)

    def blank(self):
        """The release as a student receives it."""
        return submissions.blank(self.assignment, course=self.release)

    def submit(self, student: str, nb, files: dict[str, str] | None = None,
               name: str | None = None) -> Path:
        """Hand in ``nb`` (a notebook; text for a broken file; None for none) as ``name``
        (default ``<assignment>.ipynb``) for ``student``, with ``files`` ({relative path:
        text}) beside it; returns the submission's folder."""
        folder = nbgrader_run.submit(self.root, student, self.assignment, nb, name=name).parent
        for name, text in (files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text)
        return folder

    def students(self) -> list[str]:
        return sorted(p.name for p in (self.root / "submitted").iterdir())

    def grade(self, student: str | None = None, check: bool = True):
        """Plain ``nbgrader autograde`` of every submission (or one student's), one after
        another; ``check``: raise if nbgrader exits non-zero."""
        return nbgrader_run.autograde(self.assignment, self.root, student=student, check=check)

    def grade_in_parallel(self, students: list[str] | None = None, workers: int | None = None):
        """Grade as ``make autograde`` grades a class; returns one result per student
        (``.student``, ``.ok``, ``.error``)."""
        from ..instructor.cluster.coordinator import grade_all
        return grade_all(self.assignment, students or self.students(), workers=workers,
                         root=self.root, stream=io.StringIO())

    @staticmethod
    def grade_together(courses: list["ScratchCourse"], workers: int | None = None) -> dict[str, list]:
        """Grade every submission of several scratch courses on one local Dask cluster, their
        tasks interleaved, so that no worker idles while another course finishes (and the
        cluster starts once). ``{assignment: results}`` as ``grade_in_parallel`` returns."""
        from ..instructor import gradebook
        from ..instructor.cluster.coordinator import connect, grade_class, make_bundle
        from ..settings import grading_settings
        settings = grading_settings()  # before the cluster's Nanny touches the environment

        def grade(client, course):
            bundle = make_bundle(course.assignment, settings=settings)
            url = nbgrader_run.gradebook_url(course.root)
            gradebook.create_students(url, course.students(), course.assignment, root=course.root)
            return grade_class(client, course.assignment, course.students(), course.root, url,
                               io.StringIO(), bundle)

        with connect(None, workers) as client, ThreadPoolExecutor(len(courses)) as pool:
            futures = {c.assignment: pool.submit(grade, client, c) for c in courses}
            return {a: f.result() for a, f in futures.items()}

    def scores(self) -> dict[str, dict[str, float]]:
        """``{student: {test grade id: score}}`` read from the gradebook."""
        return nbgrader_run.scores(self.root, self.assignment)
