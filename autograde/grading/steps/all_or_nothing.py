"""An autograde step: a test cell scores all or nothing.

nbgrader reads a test cell's displayed value as partial credit: a cell that happens to end
in an expression (a helper that returns the student's result, say) would score that value,
and a value above the cell's points makes nbgrader drop the whole notebook. No test of the
course gives partial credit, so after execution this step removes the ``execute_result``
outputs of test cells; the cell then scores full marks unless it raised or wrote to stderr.
"""
from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def drop_values(cell) -> int:
    """Remove displayed values from a test cell's outputs; return how many were removed."""
    outputs = cell.get("outputs", [])
    kept = [o for o in outputs if o.get("output_type") != "execute_result"]
    cell["outputs"] = kept
    return len(outputs) - len(kept)


class AllOrNothing(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, index):
        if is_test_cell(cell) and drop_values(cell):
            self.log.info("test cell %s displayed a value: not read as partial credit",
                          cell.metadata["nbgrader"].get("grade_id"))
        return cell, resources
