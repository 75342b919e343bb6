"""Is course/ what `make release` makes, and may `make release` overwrite it?

    differences(fresh, committed, git_prefix)   what differs between a fresh release of one
                                                 assignment and the committed course/ folder
    uncommitted(folders, repo)                   course/ files with changes git has not
                                                 committed (a release would overwrite them)

A notebook is compared by what the course is made of: its cells, in order, with their ids,
types, sources and nbgrader metadata. What opening a notebook in JupyterLab or pressing
Validate adds (kernelspec and language_info, `trusted`, `execution`, `collapsed` and other
cell metadata) is no drift, and neither is a file git ignores (`.ipynb_checkpoints/`).
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

# what a checkout without git (a tarball) still ignores
FALLBACK_IGNORED = {".ipynb_checkpoints", "__pycache__"}


def essence(path: Path) -> dict:
    """What of a notebook the release decides: format and, per cell, id, type, source and
    nbgrader metadata."""
    nb = json.loads(path.read_text())
    return {"nbformat": nb.get("nbformat"), "cells": [
        {"id": c.get("id"), "cell_type": c.get("cell_type"),
         "source": "".join(c.get("source", "")) if isinstance(c.get("source"), list) else c.get("source", ""),
         "nbgrader": c.get("metadata", {}).get("nbgrader")}
        for c in nb.get("cells", [])]}


def git_ignored(relative: list[str], repo: Path) -> set[str]:
    """The paths of ``relative`` (relative to ``repo``, existing or not) that git ignores;
    without git, those under a folder of ``FALLBACK_IGNORED``."""
    if not relative:
        return set()
    try:
        proc = subprocess.run(["git", "-C", str(repo), "check-ignore", "--no-index", "--stdin", "-z"],
                              input="\0".join(relative) + "\0", capture_output=True, text=True)
    except OSError:
        proc = None
    if proc is None or proc.returncode not in (0, 1):
        return {p for p in relative if FALLBACK_IGNORED & set(Path(p).parts)}
    return {p for p in proc.stdout.split("\0") if p}


def tracked_files(folder: Path, repo: Path, git_prefix: str) -> list[str]:
    """Files under ``folder`` relative to it, minus those git ignores (asked as
    ``git_prefix/<file>`` in ``repo``)."""
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    ignored = git_ignored([f"{git_prefix}/{f}" for f in files], repo)
    return [f for f in files if f"{git_prefix}/{f}" not in ignored]


def folders(course: Path, repo: Path, git_prefix: str = "course") -> list[str]:
    """The names of the folders in ``course`` that git does not ignore (asked as
    ``git_prefix/<name>/``), sorted: the assignments, without ``.ipynb_checkpoints``."""
    names = sorted(p.name for p in course.iterdir() if p.is_dir())
    ignored = git_ignored([f"{git_prefix}/{n}/" for n in names], repo)
    return [n for n in names if f"{git_prefix}/{n}/" not in ignored]


def differences(fresh: Path, committed: Path, repo: Path, git_prefix: str) -> list[str]:
    """One line per difference between a fresh release folder and the committed one;
    empty when they agree."""
    new, old = tracked_files(fresh, repo, git_prefix), tracked_files(committed, repo, git_prefix)
    out = [f"{git_prefix}/{f}: missing (a release makes it)" for f in new if f not in old]
    out += [f"{git_prefix}/{f}: not made by a release" for f in old if f not in new]
    for f in (f for f in new if f in old):
        a, b = fresh / f, committed / f
        if f.endswith(".ipynb"):
            out += [f"{git_prefix}/{f}: {d}" for d in notebook_differences(essence(a), essence(b))]
        elif a.read_bytes() != b.read_bytes():
            out.append(f"{git_prefix}/{f}: content differs")
    return out


def notebook_differences(fresh: dict, committed: dict) -> list[str]:
    if fresh["nbformat"] != committed["nbformat"]:
        return [f"nbformat {committed['nbformat']}, a release makes {fresh['nbformat']}"]
    a, b = fresh["cells"], committed["cells"]
    if [c["id"] for c in a] != [c["id"] for c in b]:
        return [f"cell ids {[c['id'] for c in b]} differ from a release's {[c['id'] for c in a]}"]
    return [f"cell {x['id']}: {key} differs" for x, y in zip(a, b)
            for key in ("cell_type", "source", "nbgrader") if x[key] != y[key]]


def uncommitted(folders: list[Path], repo: Path) -> list[str]:
    """``"<path> (<state>)"`` for each file under ``folders`` that differs from git's last
    commit: modified, added, deleted or untracked (git-ignored files are not listed).
    Outside a git checkout: an empty list (nothing to compare with)."""
    try:
        proc = subprocess.run(["git", "-C", str(repo), "status", "--porcelain=v1", "-z",
                               "--untracked-files=all", "--", *map(str, folders)],
                              capture_output=True, text=True)
    except OSError:
        return []
    if proc.returncode != 0:
        return []
    states = {"M": "modified", "A": "added", "D": "deleted", "R": "renamed", "?": "untracked"}
    out = []
    entries = iter(proc.stdout.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if "R" in code or "C" in code:
            next(entries, None)  # a rename or copy is followed by the old name
        state = next((states[c] for c in code if c in states), "changed")
        out.append(f"{path} ({state})")
    return out
