"""Write a solution notebook from a plain-text outline, or print a notebook as one.

The outline is the percent format editors know, with one word after ``%%`` for the
nbgrader role of the cell::

    # %% [markdown]
    # ## 1. Windows
    # %% locked id=setup
    from rnncourse.notebook import setup
    # %% answer id=make_windows
    def make_windows(series, window, horizon=1):
        ### BEGIN SOLUTION
        ...
        ### END SOLUTION
    # %% test id=test_make_windows_shapes points=1
    ...

Roles: ``[markdown]``, plain code (no word), ``answer`` (autograded answer cell),
``test`` (autograded test cell, needs ``points``), ``locked`` (read-only code cell).
Markdown lines lose their leading ``# ``.

Cell ids are stable: graded and locked cells use their grade id; other cells keep
``id=`` if given, otherwise an id derived from the cell's first line.

Usage::

    python tools/nbsource.py build outline.py solutions/02_rnn_forward/02_rnn_forward.ipynb
    python tools/nbsource.py dump solutions/02_rnn_forward/02_rnn_forward.ipynb > outline.py
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARKER = re.compile(r"^# %%(?P<rest>.*)$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _parse_header(rest: str) -> dict:
    rest = rest.strip()
    header = {"role": "code", "attrs": {}}
    if rest.startswith("[markdown]"):
        header["role"] = "markdown"
        rest = rest[len("[markdown]"):].strip()
    words = rest.split()
    if words and "=" not in words[0]:
        header["role"] = words.pop(0)
    for word in words:
        key, _, value = word.partition("=")
        header["attrs"][key] = value
    if header["role"] not in {"markdown", "code", "answer", "test", "locked"}:
        raise ValueError(f"unknown cell role {header['role']!r}")
    return header


def _slug(text: str, used: set) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "cell")
    base = re.sub(r"[^a-z0-9]+", "-", first.lower()).strip("-")[:40] or "cell"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _nbgrader_meta(role: str, attrs: dict) -> dict | None:
    if role in {"markdown", "code"}:
        return None
    grade_id = attrs.get("id")
    if not grade_id:
        raise ValueError(f"a {role} cell needs id=<grade_id>")
    meta = {"grade": role == "test", "grade_id": grade_id, "locked": role != "answer",
            "schema_version": 3, "solution": role == "answer"}
    if role == "test":
        meta["points"] = int(attrs.get("points", 1))
    return meta


def build(outline: str) -> dict:
    """Return a notebook (as a JSON-able dict) from outline text."""
    cells, current, lines = [], None, []

    def flush():
        if current is None:
            return
        while lines and not lines[-1].strip():
            lines.pop()
        cells.append((current, "\n".join(lines)))

    for line in outline.splitlines():
        match = MARKER.match(line)
        if match:
            flush()
            current, lines = _parse_header(match.group("rest")), []
        elif current is not None:
            lines.append(line)
    flush()

    used: set = set()
    out = []
    for header, text in cells:
        role, attrs = header["role"], header["attrs"]
        if role == "markdown":
            text = "\n".join(l[2:] if l.startswith("# ") else l.lstrip("#") for l in text.splitlines())
        cell_id = attrs.get("id") or _slug(text, used)
        if cell_id in used:
            raise ValueError(f"duplicate cell id {cell_id!r}")
        used.add(cell_id)
        cell = {"cell_type": "markdown" if role == "markdown" else "code", "id": cell_id,
                "metadata": {}, "source": text}
        meta = _nbgrader_meta(role, attrs)
        if meta:
            cell["metadata"]["nbgrader"] = meta
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        out.append(cell)
    return {"cells": out, "metadata": {"kernelspec": KERNELSPEC,
                                       "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def dump(nb: dict) -> str:
    """Return the outline text of a notebook (the inverse of :func:`build`)."""
    parts = []
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        meta = cell.get("metadata", {}).get("nbgrader")
        if cell["cell_type"] == "markdown":
            header = f"# %% [markdown] id={cell['id']}"
            source = "\n".join(("# " + l) if l else "#" for l in source.splitlines())
        elif meta and meta.get("grade"):
            header = f"# %% test id={meta['grade_id']} points={meta.get('points', 0)}"
        elif meta and meta.get("solution"):
            header = f"# %% answer id={meta['grade_id']}"
        elif meta:
            header = f"# %% locked id={meta['grade_id']}"
        else:
            header = f"# %% id={cell['id']}"
        parts.append(header + "\n" + source)
    return "\n\n".join(parts) + "\n"


def write_notebook(nb: dict, path: Path) -> None:
    """Validate and write ``nb`` the way Jupyter and nbgrader write notebooks."""
    import nbformat

    node = nbformat.from_dict(nb)
    nbformat.validate(node)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(node, str(path))


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "build":
        write_notebook(build(Path(argv[1]).read_text()), Path(argv[2]))
        return 0
    if len(argv) == 2 and argv[0] == "dump":
        sys.stdout.write(dump(json.loads(Path(argv[1]).read_text())))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
