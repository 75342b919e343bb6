"""What a notebook holds, read from its nbgrader metadata."""
from __future__ import annotations

import re
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


def defined_names(source: str) -> set[str]:
    """The functions and classes the top-level statements of ``source`` define."""
    return {name for kind, _, bound, _ in _statements(source) if kind == "def" for name in bound}


class ReachedTests:
    """Which test cells a swapped function can reach, in a kernel that ran the notebook and
    then runs only its test cells again (``kernel.GradingKernel``).

    Reached: the functions and classes whose body mentions the swapped one, directly or
    through others (they run the swapped code when called), and, test cell after test cell
    in notebook order, the values a statement computes from any of these (a later statement
    that binds the name from other values cleans it). A test cell mentioning any of them is
    reached, and so is every earlier test cell that binds a name a reached one reads (so that
    it reads a value computed now, not one left by an earlier swap). A value an ordinary cell
    computed, or a function reference it took, stays the solution's. Every other test cell
    runs the solution's code on the solution's values, so it passes as it did."""

    def __init__(self, nb):
        self.defs = [(bound, read_) for cell in nb.cells if cell.cell_type == "code" and not is_test(cell)
                     for kind, read_, bound, _ in _statements(cell.source)
                     if kind == "def" or "lambda" in cell.source]
        self.tests = [(meta(c)["grade_id"], c.source, _statements(c.source)) for c in nb.cells if is_test(c)]

    def functions(self, names: set[str]) -> set[str]:
        """``names`` and every function or class of the notebook that calls one of them."""
        reached, grown = set(names), True
        while grown:
            grown = False
            for bound, read_ in self.defs:
                if read_ & reached and not bound <= reached:
                    reached |= bound
                    grown = True
        return reached

    def __call__(self, names: set[str]) -> set[str]:
        """Grade ids of the test cells to run after swapping in ``names`` (all of them if
        ``names`` is empty: nothing is known about what the swapped code changes)."""
        if not names:
            return {gid for gid, _, _ in self.tests}
        funcs, tainted, reached = self.functions(names), set(), []
        for gid, source, statements in self.tests:
            hit = False
            for kind, read_, bound, updated in statements:
                dirty = bool(read_ & (funcs | tainted))
                if kind == "def":
                    funcs |= bound if dirty else set()
                elif dirty:
                    tainted |= bound | updated
                else:
                    tainted -= bound
                hit |= dirty
            words = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(funcs))) + r")\b")
            if hit or words.search(source):
                reached.append(gid)
        return self._with_binders(set(reached))

    def _with_binders(self, run: set[str]) -> set[str]:
        """``run`` and the earlier test cells binding what a test cell in it reads first."""
        order = [gid for gid, _, _ in self.tests]
        grown = True
        while grown:
            grown = False
            for i, (gid, _, statements) in enumerate(self.tests):
                if gid not in run:
                    continue
                bound_here: set[str] = set()
                free = set()
                for _, read_, bound, _ in statements:
                    free |= read_ - bound_here
                    bound_here |= bound
                for earlier in reversed(order[:i]):
                    binds = {n for _, _, b, _ in self.tests[order.index(earlier)][2] for n in b}
                    if free & binds:
                        free -= binds
                        if earlier not in run:
                            run.add(earlier)
                            grown = True
        return run
