"""A sanitize step: cells claiming a grade id the assignment does not have become plain cells.

A student who renames a test cell's ``grade_id`` (or invents one) would otherwise make
nbgrader's ``CheckCellMetadata`` reject the whole notebook, so every honest exercise would
score zero. This step, run before ``OverwriteCells``, drops the nbgrader metadata of such
cells; ``OverwriteCells.add_missing_cells`` then puts the real test cells back from the
source, and the notebook is graded like one whose test cells were deleted.
"""
from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor


def known_grade_ids(db_url: str, notebook: str, assignment: str) -> set[str]:
    """Names of the source cells (answer, test and locked cells) of one notebook."""
    with Gradebook(db_url) as gb:
        try:
            source = gb.find_notebook(notebook, assignment)
        except MissingEntry:
            return set()
        return {cell.name for cell in source.source_cells}


def forget_unknown(nb, known: set[str]) -> list[str]:
    """Strip nbgrader metadata from cells whose grade id is not in ``known``; return those ids."""
    dropped = []
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id is not None and grade_id not in known:
            del cell.metadata["nbgrader"]
            dropped.append(grade_id)
    return dropped


class ForgetUnknownCells(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        known = known_grade_ids(info["db_url"], info["notebook"], info["assignment"])
        if known:  # an unregistered notebook is nbgrader's own error to report
            for grade_id in forget_unknown(nb, known):
                self.log.warning("cell with unknown grade id %r graded as an ordinary cell", grade_id)
        return nb, resources
