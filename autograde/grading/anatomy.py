"""What a notebook holds, read from its nbgrader metadata."""
from __future__ import annotations

from pathlib import Path

import nbformat


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_answer(cell) -> bool:
    m = meta(cell)
    return bool(m.get("solution")) and not m.get("grade") and cell.cell_type == "code"


def is_test(cell) -> bool:
    m = meta(cell)
    return bool(m.get("grade")) and not m.get("solution") and cell.cell_type == "code"


def answer_ids(nb) -> list[str]:
    return [meta(c)["grade_id"] for c in nb.cells if is_answer(c)]


def scored_cells(nb) -> dict[str, object]:
    """``{grade_id: cell}`` of the autograded test cells, in notebook order."""
    return {meta(c)["grade_id"]: c for c in nb.cells if is_test(c)}


def points(nb) -> dict[str, float]:
    return {gid: float(meta(c).get("points", 0)) for gid, c in scored_cells(nb).items()}


def is_question(exercise: str) -> bool:
    """Multiple-choice answers are named q1, q2, ... (graded, but no wrong-code fixtures)."""
    return exercise[:1] == "q" and exercise[1:].isdigit()


def exercise_of(test_id: str, exercises: list[str]) -> str | None:
    """The exercise a test checks: the longest exercise name ``e`` with ``test_<e>`` a prefix."""
    matches = [e for e in exercises if test_id == f"test_{e}" or test_id.startswith(f"test_{e}_")]
    return max(matches, key=len) if matches else None


def cell_failed(cell) -> bool:
    """nbgrader's rule: an error output or anything on stderr scores zero."""
    return any(o.get("output_type") == "error"
               or (o.get("output_type") == "stream" and o.get("name") == "stderr")
               for o in cell.get("outputs", []))
