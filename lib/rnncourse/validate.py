"""nbgrader's Validate, readable: a summary first, one short message per failing test.

How Validate produces its output (nbgrader 0.9): the JupyterLab button posts the notebook's
path to the server handler ``/assignments/validate``
(``nbgrader.server_extensions.validate_assignment.handlers``), which loads the nbgrader config
of the server's working directory (this repository's top-level ``nbgrader_config.py``), runs
``Validator(config=config).validate(path)`` and returns its dict as JSON; the lab extension
renders each entry of ``failed`` as "The following cell failed:", the cell's source and its
error (the full IPython traceback), in order. ``nbgrader validate`` (``ValidateApp``) calls
``Validator(parent=self).validate_and_print``. Neither offers a trait to choose the Validator
class, and the configurable ones (``failed_warning``, ``width``...) only word the command line's
banner. Both instantiate ``Validator`` by its module-level name right after executing the
config file in the same process, so ``nbgrader_config.py`` calls ``use_readable_validator()``,
which rebinds that name to ``ReadableValidator``:

- the first entry of ``failed`` (and the first lines on the command line) is a summary:
  ``"25 of 29 tests fail: q1, chronological_split, ..."`` then one line per failing test,
  ``"test_make_windows_shape (make_windows): NotImplementedError: not implemented yet"``;
- the per-cell entries follow unchanged, with tracebacks that end at the test's line: the
  notebooks' set-up (``rnncourse.notebook.setup``) hides the helpers' frames in every kernel.
"""
from __future__ import annotations

import re
import sys
import textwrap

from nbgrader import utils
from nbgrader.validator import Validator

ANSI = re.compile(r"\x1b\[[0-9;]*m")
MESSAGE_LINES = 3
WIDTH = 96  # the Validate dialog shows about 110 monospace characters
NOT_DONE = "not implemented yet"


def exercise_of(test_id: str, exercises: list[str]) -> str | None:
    """The exercise a test checks: the longest exercise name ``e`` with ``test_<e>`` a prefix
    (the rule of the course spec, as ``autograde/grading/anatomy.exercise_of``)."""
    matches = [e for e in exercises if test_id == f"test_{e}" or test_id.startswith(f"test_{e}_")]
    return max(matches, key=len) if matches else None


def grade_id(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "") or cell.get("id", "a cell")


def failure_message(cell) -> str:
    """What went wrong in an executed cell, in a few lines: the exception and its message
    (the helpers' messages name the exercise and the cause), or what it wrote to stderr."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            name, value = out.get("ename", "Error"), ANSI.sub("", str(out.get("evalue", ""))).strip()
            if name == "NotImplementedError" and not value:
                value = NOT_DONE
            lines = value.splitlines() or [""]
            more = " ..." if len(lines) > MESSAGE_LINES else ""
            return f"{name}: " + "\n    ".join(lines[:MESSAGE_LINES]) + more
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            first = ANSI.sub("", out.get("text", "")).strip().splitlines()[:1]
            return "wrote to stderr (a graded cell must not): " + (first[0] if first else "")
    return "passed only some of its checks"


def summary(nb, failed_cells) -> str:
    """``"<k> of <n> tests fail: <exercises>"`` and one line per failing cell."""
    exercises = [grade_id(c) for c in nb.cells if utils.is_solution(c)]
    tests = [c for c in nb.cells if utils.is_grade(c) and not utils.is_solution(c)]
    failing = [c for c in failed_cells if utils.is_grade(c) and not utils.is_solution(c)]
    others = [c for c in failed_cells if c not in failing]
    names = []
    for c in failing:
        name = exercise_of(grade_id(c), exercises) or grade_id(c)
        if name not in names:
            names.append(name)
    head = f"{len(failing)} of {len(tests)} tests fail" + (f": {', '.join(names)}" if names else "")
    if others:
        head += f"; {len(others)} other cell(s) fail"
    lines = [head]
    for c in failed_cells:
        gid = grade_id(c)
        exercise = exercise_of(gid, exercises)
        label = f"{gid} ({exercise})" if exercise else gid
        lines.append(f"- {label}: {failure_message(c)}")
    if any(NOT_DONE in line for line in lines):
        lines.append(f"({NOT_DONE}: the exercise still raises NotImplementedError; "
                     "replace `raise NotImplementedError()` with your code)")
    return "\n".join(wrap(line) for text in lines for line in text.splitlines())


def wrap(line: str) -> str:
    """``line`` folded to ``WIDTH`` columns, continuation lines indented under its text."""
    indent = " " * (len(line) - len(line.lstrip(" -")) + 4)
    return textwrap.fill(line, WIDTH, subsequent_indent=indent, break_on_hyphens=False,
                         break_long_words=False)


class ReadableValidator(Validator):
    """nbgrader's Validator with a summary of the failures first (see the module's doc)."""

    def _get_failed_cells(self, nb):
        failed = super()._get_failed_cells(nb)
        self._readable = summary(nb, failed) if failed else None
        return failed

    def validate(self, filename: str):
        self._readable = None
        results = super().validate(filename)
        if results.get("failed") and self._readable:
            results["failed"] = [{"source": self._readable, "error": "", "raw_error": "",
                                  "summary": True}] + results["failed"]
        return results

    def validate_and_print(self, filename: str) -> None:
        results = self.validate(filename)
        failed = results.get("failed", [])
        if failed and failed[0].get("summary"):
            self.stream.write(failed[0]["source"] + "\n\nEach failing cell in full:\n")
            for cell in failed[1:]:
                self._print_error(cell["source"], cell["raw_error"])
            return
        self.validate = lambda _filename: results  # print these results, do not run again
        try:
            super().validate_and_print(filename)
        finally:
            del self.validate


VALIDATOR_USERS = ("nbgrader.apps.validateapp", "nbgrader.server_extensions.validate_assignment.handlers")


def use_readable_validator() -> list[str]:
    """Make nbgrader's Validate button and ``nbgrader validate`` use ``ReadableValidator``
    in this process (called from ``nbgrader_config.py``). Returns the modules changed."""
    changed = []
    for name in VALIDATOR_USERS:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "Validator", None) is not None:
            module.Validator = ReadableValidator
            changed.append(name)
    return changed
