"""Build student submissions from the release and the solutions."""
from __future__ import annotations

import copy
from pathlib import Path

from .. import COURSE, SOLUTIONS
from ..anatomy import is_answer, meta, read


def release_notebook(assignment: str, course: Path = COURSE):
    return read(course / assignment / f"{assignment}.ipynb")


def solution_answers(assignment: str) -> dict[str, str]:
    """``{grade_id: source}`` of the solution's answer cells, markers removed."""
    nb = read(SOLUTIONS / assignment / f"{assignment}.ipynb")
    return {meta(c)["grade_id"]: strip_markers(c.source) for c in nb.cells if is_answer(c)}


def strip_markers(source: str) -> str:
    keep = [line for line in source.splitlines()
            if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")]
    return "\n".join(keep)


def filled(assignment: str, replace: dict[str, str] | None = None, course: Path = COURSE):
    """The release with every answer cell filled from the solutions, then ``replace`` applied."""
    nb = copy.deepcopy(release_notebook(assignment, course))
    answers = solution_answers(assignment)
    answers.update(replace or {})
    for cell in nb.cells:
        if is_answer(cell):
            cell.source = answers[meta(cell)["grade_id"]]
    return nb


def blank(assignment: str, course: Path = COURSE):
    """The release as a student receives it."""
    return copy.deepcopy(release_notebook(assignment, course))
