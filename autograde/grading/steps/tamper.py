"""A sanitize step: answer cells that tamper with the grading environment are not run.

Student code shares the kernel with the tests, so an answer cell could replace
``numpy.testing.assert_allclose``, the course's assertion helpers or a builtin and pass
every test. This step reads each answer cell's syntax tree before execution and, if it
finds such tampering, replaces the cell's code with a ``raise`` that says why: the
exercise in that cell scores zero, the rest of the notebook is graded as usual.

Refused: assigning to or deleting an attribute of an imported module or anything reached
through one (``np.allclose = ...``, ``T.assert_close = ...``), ``setattr``/``delattr``,
touching ``builtins``/``__builtins__``/``sys.modules``/``__dict__``/``__globals__``/
``__code__``, ``exec``/``eval``/``compile``/``__import__``, classes that redefine comparison or array
conversion (an object whose ``__eq__`` always returns True), and importing modules meant for
reaching into the interpreter (``gc``, ``ctypes``, ``importlib``, ``builtins``).
"""
from __future__ import annotations

import ast

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool

FORBIDDEN_CALLS = {"setattr", "delattr", "exec", "eval", "compile", "__import__", "globals", "vars"}
FORBIDDEN_NAMES = {"__builtins__", "builtins"}
FORBIDDEN_ATTRS = {"__dict__", "__globals__", "__code__", "__builtins__", "modules",
                   "__closure__", "__defaults__", "__kwdefaults__", "f_globals", "f_locals"}
FORBIDDEN_MODULES = {"builtins", "gc", "ctypes", "importlib"}
# An answer returning an object that claims equality with anything would pass naive tests.
FORBIDDEN_METHODS = {"__eq__", "__ne__", "__hash__", "__bool__", "__instancecheck__",
                     "__subclasscheck__", "__array__", "__array_ufunc__", "__array_function__"}


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _assigned(targets):
    """The places an assignment writes to, unpacking ``a, (b, c) = ...``; index expressions
    (``out[np.arange(n), k] = 1``) are read, not written, and are not returned."""
    for target in targets:
        if isinstance(target, (ast.Tuple, ast.List)):
            yield from _assigned(target.elts)
        elif isinstance(target, ast.Starred):
            yield from _assigned([target.value])
        else:
            yield target


def problems(source: str, module_names: set[str]) -> list[str]:
    """Reasons an answer cell tampers with the environment ([] if it does not).

    module_names: names bound to modules earlier in the notebook (``np``, ``T``, ...).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # a syntax error fails on its own when executed
    found: list[str] = []
    local_modules = set(module_names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in FORBIDDEN_MODULES:
                    found.append(f"imports {alias.name}")
                local_modules.add((alias.asname or top))
        elif isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            if top in FORBIDDEN_MODULES:
                found.append(f"imports from {node.module}")
            local_modules |= {alias.asname or alias.name for alias in node.names}
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in _assigned(targets):
            if isinstance(target, (ast.Attribute, ast.Subscript)) and \
                    _root_name(target) in local_modules:
                found.append(f"changes {ast.unparse(target)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in FORBIDDEN_CALLS:
            found.append(f"calls {node.func.id}()")
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append(f"uses {node.id}")
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            found.append(f"uses .{node.attr}")
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.Assign)) and \
                        getattr(item, "name", None) in FORBIDDEN_METHODS:
                    found.append(f"defines {node.name}.{item.name}")
    return sorted(set(found))


def module_names_in(source: str) -> set[str]:
    """Names that ``import`` statements in ``source`` bind (``import numpy as np`` -> np)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.asname or a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names |= {a.asname or a.name for a in node.names}
    return names


def refusal(reasons: list[str]) -> str:
    text = "; ".join(reasons)
    return ("raise RuntimeError(" + repr(
        "This answer cell was not run by the grader: it changes the grading environment ("
        + text + "). Write the exercise with plain numpy code.") + ")\n")


COURTESY_NOTE = ("# rnncourse grader: this cell seems to change the grading environment ({}). "
                 "It runs in your own kernel, apart from the tests, so it cannot change them.\n")


class RejectTampering(NbGraderPreprocessor):
    """Point out, or refuse, student cells that tamper with the grading environment.

    Runs after ``OverwriteCells``, so locked and test cells hold the instructor's source;
    every other code cell (answer cells, and cells a student added) is student code.

    With ``enforce`` (grading in one kernel, where student code could reach the tests) a
    tampering cell is replaced by a ``raise``. Graded in two kernels (the default), the tests
    cannot be reached and no score depends on this step: it only adds a comment that says
    so at the top of the cell, for the student reading the feedback.
    """

    enforce = Bool(False, help="replace tampering cells by a raise (one-kernel grading)").tag(config=True)

    def preprocess(self, nb, resources):
        modules: set[str] = set()
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            meta = cell.metadata.get("nbgrader", {})
            if not (meta.get("grade") or meta.get("locked")):
                reasons = problems(cell.source, modules)
                if reasons:
                    self.log.warning("cell %s tampers: %s", meta.get("grade_id", cell.get("id")), reasons)
                    cell.source = refusal(reasons) if self.enforce else \
                        COURTESY_NOTE.format("; ".join(reasons)) + cell.source
            modules |= module_names_in(cell.source)
        return nb, resources
