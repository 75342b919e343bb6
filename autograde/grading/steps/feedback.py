"""A feedback step: the hidden tests ran, but their source does not reach the student.

nbgrader's feedback shows each test cell as it was graded, hidden tests included. This
step replaces every ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` block by one
comment line. What a failing hidden test tells the student is its error message, which the
course's assertion helpers write without expected values (``reveal=False``), and graded
runs print only the last line of a traceback (``rnncourse.notebook.setup``).
"""
from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor

HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*\n?",
                    re.MULTILINE | re.DOTALL)
PLACEHOLDER = "# (hidden tests ran here; their messages, if any, are shown below)\n"


def hide(source: str) -> str:
    return HIDDEN.sub(PLACEHOLDER, source)


class HideHiddenTests(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and "BEGIN HIDDEN TESTS" in cell.source:
            cell.source = hide(cell.source)
        return cell, resources
