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


def _statements(source: str) -> list[tuple[str, set[str], set[str], set[str]]]:
    """``[(kind, read, bound, updated)]`` per top-level statement of a cell: ``kind`` is
    "def" for a function or class definition (``read``: what its body reads) and "value"
    otherwise; ``updated`` are names changed in place (``models[k] = m``, ``obj.x = 1``).
    IPython magics are skipped."""
    import ast
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    out = []
    for stmt in tree.body:
        names = [n for n in ast.walk(stmt) if isinstance(n, ast.Name)]
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append(("def", {n.id for n in names}, {stmt.name}, set()))
            continue
        bound = {n.id for n in names if not isinstance(n.ctx, ast.Load)}
        updated = {node.value.id for node in ast.walk(stmt)
                   if isinstance(node, (ast.Subscript, ast.Attribute))
                   and not isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name)}
        out.append(("value", {n.id for n in names if isinstance(n.ctx, ast.Load)} - bound,
                    bound, updated))
    return out


def exercises_feeding_tests(nb) -> set[str]:
    """Exercises whose results reach a test cell through an ordinary cell: a test reads a
    value that a cell which is neither an answer nor a test computed, directly or through
    other values and functions, from the exercise (07's ``val_loss`` of the training cell).
    Swapping a function into a kernel that already ran the notebook cannot check these;
    a test that calls a function (an exercise or a helper) calls the swapped one."""
    exercises = set(answer_ids(nb))
    depends = {e: {e} for e in exercises}   # name -> exercises its value or body uses
    values: set[str] = set()                # names that hold a computed value
    fed: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code" or is_answer(cell):
            continue
        for kind, read_, bound, updated in _statements(cell.source):
            sources = {e for name in read_ for e in depends.get(name, ())}
            if is_test(cell):   # what a test computes is computed again after each swap
                fed |= {e for name in read_ & values for e in depends.get(name, ())}
                sources = set()
            for name in bound - exercises:
                depends[name] = sources
                (values.add if kind == "value" else values.discard)(name)
            for name in updated - exercises:
                depends[name] = depends.get(name, set()) | sources
    return fed
