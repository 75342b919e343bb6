"""Which submissions could not be graded, and why: ``<root>/not_graded.json``.

The gradebook cannot tell a submission that failed to grade (a corrupted notebook, a crash of
the grading run) from a blank one: both have zero points. The autograde command knows, so
after grading each assignment it records the failures here, and the reports (summary table,
``grades.csv``, feedback index, exercise statistics) read them back.

The file maps assignment -> student -> reason, e.g.::

    {"01_sequential_data": {"bob": "Notebook JSON is invalid: ..."}}

A student graded successfully later is removed from it; an assignment left without failures
is dropped; the file is deleted when nothing is left.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

FILENAME = "not_graded.json"


def path(root: Path) -> Path:
    return Path(root) / FILENAME


def load(root: Path) -> dict[str, dict[str, str]]:
    """``{assignment: {student: reason}}``; empty when nothing failed (or no file)."""
    try:
        data = json.loads(path(root).read_text())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path(root)} is not valid JSON ({exc}): delete it and grade again") from exc
    return {str(a): {str(s): str(r) for s, r in by.items()} for a, by in data.items()}


def failures(results: Iterable) -> dict[str, str]:
    """``{student: reason}`` from grading results: objects with ``.student``, ``.ok`` and
    ``.error`` (``parallel.Result``), or ``(student, reason)`` pairs of failures."""
    out = {}
    for r in results:
        if hasattr(r, "ok"):
            if not r.ok:
                out[r.student] = r.error or "grading failed"
        else:
            student, reason = r
            out[student] = reason or "grading failed"
    return out


def record(root: Path, assignment: str, students: Iterable[str], results: Iterable) -> dict[str, str]:
    """After grading ``students`` of ``assignment``: note the failures among ``results`` and
    forget earlier failures of the students graded now. Returns the assignment's failures."""
    data = load(root)
    failed = failures(results)
    graded_now = set(students)
    current = {s: r for s, r in data.get(assignment, {}).items() if s not in graded_now}
    current.update(failed)
    if current:
        data[assignment] = dict(sorted(current.items()))
    else:
        data.pop(assignment, None)
    write(root, data)
    return current


def write(root: Path, data: dict) -> None:
    target = path(root)
    if not data:
        target.unlink(missing_ok=True)
        return
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    tmp.replace(target)  # readers never see half a file


def pairs(data: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    """``{(student, assignment): reason}``, the shape the reports use."""
    return {(s, a): reason for a, by in data.items() for s, reason in by.items()}
