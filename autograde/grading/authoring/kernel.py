"""Run a notebook's test cells against wrong implementations, many in one kernel.

Starting a kernel and re-running a notebook per wrong submission is slow (TensorFlow alone
takes seconds to import). Instead: execute the solution notebook once, then for each wrong
implementation define it over the right one, run every test cell it can reach
(``anatomy.ReachedTests``: the others run the solution's code, and pass as they did), record
which fail (nbgrader's rule: an error or stderr), and restore the right answers.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ..anatomy import (ReachedTests, answer_ids, cell_failed, defined_names, exercise_of, is_answer,
                       is_test, meta, read)

HEADER = re.compile(r"^#\s*breaks:\s*(?P<names>.+)$", re.MULTILINE)


@dataclass
class Mutant:
    """A wrong implementation: ``<exercise>__<mistake>.py`` with a ``# breaks:`` header
    listing the exercise it breaks first, then exercises that call it."""
    path: Path
    source: str
    breaks: list[str]

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def exercise(self) -> str:
        return self.breaks[0]

    @property
    def description(self) -> str:
        doc = re.search(r'"""(.*?)"""', self.source, re.S)
        return doc.group(1).strip().splitlines()[0] if doc else self.name


def load_mutant(path: Path) -> Mutant:
    source = path.read_text()
    match = HEADER.search(source)
    if not match:
        raise ValueError(f"{path}: first lines need '# breaks: <exercise> [<callers> ...]'")
    breaks = match.group("names").split()
    if path.stem.split("__")[0] != breaks[0]:
        raise ValueError(f"{path}: file name must start with the exercise it breaks, {breaks[0]}")
    return Mutant(path, source, breaks)


def mutants_of(folder: Path) -> list[Mutant]:
    return [load_mutant(p) for p in sorted(folder.glob("*.py"))]


@dataclass
class Outcome:
    failed: set = field(default_factory=set)      # grade ids of failing test cells
    messages: dict = field(default_factory=dict)  # grade id -> last error line
    ran: set = field(default_factory=set)         # grade ids of the test cells run


def _code(source: str, cell_id: str):
    cell = nbformat.v4.new_code_cell(source)
    cell.id = cell_id
    return cell


class GradingKernel:
    """A kernel that has run a solution notebook and can re-run its test cells."""

    def __init__(self, notebook: Path, timeout: int = 240, graded: bool = True):
        self.nb = read(notebook)
        self.exercises = answer_ids(self.nb)
        self.tests = {meta(c)["grade_id"]: c for c in self.nb.cells if is_test(c)}
        self.answers = [c for c in self.nb.cells if is_answer(c)]
        self.reaching = ReachedTests(self.nb)
        if graded:
            os.environ["NBGRADER_EXECUTION"] = "autograde"
        self.client = NotebookClient(self.nb, timeout=timeout, allow_errors=True,
                                     kernel_name="python3",
                                     resources={"metadata": {"path": str(notebook.parent)}})
        self._ctx = None
        self._n = 0
        self._scratch = None

    def __enter__(self):
        self._ctx = self.client.setup_kernel()
        self._ctx.__enter__()
        self.baseline = Outcome()
        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type != "code":
                continue
            self.client.execute_cell(cell, index)
            if is_test(cell) and (cell_failed(cell) or _yields_value(cell)):
                gid = meta(cell)["grade_id"]
                self.baseline.failed.add(gid)
                self.baseline.messages[gid] = _last_error(cell) or \
                    "the test cell ends in a value, which nbgrader reads as partial credit"
        return self

    def __exit__(self, *exc):
        os.environ.pop("NBGRADER_EXECUTION", None)
        return self._ctx.__exit__(*exc)

    def run(self, source: str) -> object:
        """Execute ``source`` in the kernel as an extra cell; return the cell with outputs."""
        self._n += 1
        cell = _code(source, f"run-{self._n}")
        if self._scratch is None:
            self.nb.cells.append(cell)
            self._scratch = len(self.nb.cells) - 1
        self.nb.cells[self._scratch] = cell
        self.client.execute_cell(cell, self._scratch)
        return cell

    def outcome(self, mutant_source: str) -> Outcome:
        """Define the wrong code, run every test cell it can reach (in notebook order), then
        restore the right answers."""
        result = Outcome(ran=self.reaching(defined_names(mutant_source)))
        defined = self.run(mutant_source)
        if cell_failed(defined):
            raise RuntimeError(f"the wrong implementation itself fails to run: {_last_error(defined)}")
        for gid, test in self.tests.items():
            if gid not in result.ran:
                continue
            cell = self.run(test.source)
            if cell_failed(cell):
                result.failed.add(gid)
                result.messages[gid] = _last_error(cell)
        for answer in self.answers:
            self.run(answer.source)
        return result

    def exercise_of(self, test_id: str) -> str | None:
        return exercise_of(test_id, self.exercises)


def _yields_value(cell) -> bool:
    return any(o.get("output_type") == "execute_result" for o in cell.get("outputs", []))


def _last_error(cell) -> str:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"[:500]
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return "stderr: " + output.get("text", "")[:500]
    return ""
