"""The student's work/ copy: created from course/, then only ever added to."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import work_copy

TOOL = Path(__file__).resolve().parent / "work_copy.py"


def make_course(folder: Path) -> Path:
    (folder / "01_a").mkdir(parents=True)
    (folder / "01_a" / "01_a.ipynb").write_text('{"release": 1}')
    (folder / "01_a" / ".ipynb_checkpoints").mkdir()
    (folder / "01_a" / ".ipynb_checkpoints" / "01_a-checkpoint.ipynb").write_text("{}")
    return folder


def test_first_use_copies_the_course_without_checkpoints(tmp_path):
    course, work = make_course(tmp_path / "course"), tmp_path / "work"
    assert work_copy.sync(course, work) == [Path("01_a/01_a.ipynb")]
    assert (work / "01_a" / "01_a.ipynb").read_text() == '{"release": 1}'
    assert not (work / "01_a" / ".ipynb_checkpoints").exists()


def test_a_new_release_adds_missing_files_and_never_overwrites_an_answer(tmp_path):
    course, work = make_course(tmp_path / "course"), tmp_path / "work"
    work_copy.sync(course, work)
    (work / "01_a" / "01_a.ipynb").write_text('{"my answers": 1}')
    # the release changes 01, adds 02 and a data file to 01
    (course / "01_a" / "01_a.ipynb").write_text('{"release": 2}')
    (course / "01_a" / "data.csv").write_text("x\n1\n")
    (course / "02_b").mkdir()
    (course / "02_b" / "02_b.ipynb").write_text('{"release": 2}')
    assert work_copy.sync(course, work) == [Path("01_a/data.csv"), Path("02_b/02_b.ipynb")]
    assert (work / "01_a" / "01_a.ipynb").read_text() == '{"my answers": 1}'
    assert (work / "02_b" / "02_b.ipynb").exists() and (work / "01_a" / "data.csv").exists()
    assert work_copy.sync(course, work) == []


def test_a_missing_course_folder_is_a_clear_error(tmp_path):
    proc = subprocess.run([sys.executable, str(TOOL), str(tmp_path / "nope"), str(tmp_path / "work")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "is not a folder" in proc.stderr
    assert not (tmp_path / "work").exists()


def test_work_folder_is_ignored_by_git():
    repo = TOOL.parents[1]
    proc = subprocess.run(["git", "-C", str(repo), "check-ignore", "--no-index", "-q",
                           "work/01_sequential_data/01_sequential_data.ipynb"])
    assert proc.returncode == 0, "work/ must be in .gitignore: it holds the student's answers"
