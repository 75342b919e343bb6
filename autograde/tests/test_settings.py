"""Every grading setting in one object (grading/settings.py), and in the README's table."""
from __future__ import annotations

import os
import re

import pytest

from grading import COURSE, REPO, SOLUTIONS
from grading.settings import CLASSROOM, INTERNAL, VARIABLES, Settings, grading_settings

README = (REPO / "README.md").read_text()


def readme_table() -> dict[str, str]:
    """``{variable: default}`` of the README's "Grading settings" table."""
    return {m["name"]: m["default"] for m in re.finditer(
        r"^\| `(?P<name>RNNCOURSE_\w+)` \| (?P<default>[^|]+?) \|", README, re.M)}


def test_the_readme_table_lists_every_setting_with_its_default():
    table = readme_table()
    assert table == {v.name: f"`{v.default}`" for v in VARIABLES}, \
        "README's table and grading/settings.py differ"


def test_every_rnncourse_variable_the_grading_reads_is_a_setting_or_internal():
    read = set()
    for path in (REPO / "autograde").rglob("*.py"):
        if "tests" not in path.parts:
            read |= set(re.findall(r"RNNCOURSE_[A-Z_]*[A-Z](?![A-Z_]*[{<*])", path.read_text()))
    known = {v.name for v in VARIABLES} | set(INTERNAL)
    assert read - known == set()


def test_defaults_without_any_variable():
    s = Settings.from_env({})
    assert s.root == CLASSROOM and s.db_url == f"sqlite:///{CLASSROOM / 'gradebook.db'}"
    assert (s.cell_timeout, s.two_kernels, s.unsandboxed, s.prefork) == (240, True, False, True)
    assert s.workers == len(os.sched_getaffinity(0))
    assert s.sandbox_limits == {"MEMORY_MB": 6144, "PROCESSES": 256, "CPU_SECONDS": 900, "FILE_MB": 256}
    assert (s.source_dir, s.release_dir) == (SOLUTIONS, COURSE)


def test_variables_set_the_settings_and_the_options_win(tmp_path):
    env = {"RNNCOURSE_GRADING_ROOT": str(tmp_path), "RNNCOURSE_WORKERS": "3",
           "RNNCOURSE_DB_URL": "postgresql://u:p@h/db", "RNNCOURSE_TWO_KERNELS": "0",
           "RNNCOURSE_SANDBOX_PROCESSES": "100"}
    s = Settings.from_env(env)
    assert (s.root, s.workers, s.two_kernels) == (tmp_path, 3, False)
    assert s.db_url == "postgresql+psycopg2://u:p@h/db"  # the installed driver, named
    assert s.sandbox_limits["PROCESSES"] == 100
    assert Settings.from_env(env, workers=5).workers == 5
    assert Settings.from_env(env, workers=None).workers == 3
    assert Settings.from_env({"RNNCOURSE_GRADING_ROOT": str(tmp_path)}).db_url == \
        f"sqlite:///{tmp_path / 'gradebook.db'}"


@pytest.mark.parametrize("name,bad", [("RNNCOURSE_WORKERS", "0"), ("RNNCOURSE_WORKERS", "two"),
                                      ("RNNCOURSE_CELL_TIMEOUT", "-1"), ("RNNCOURSE_UNSANDBOXED", "yes"),
                                      ("RNNCOURSE_SANDBOX_MEMORY_MB", "lots")])
def test_a_bad_value_is_refused_naming_its_variable(name, bad):
    with pytest.raises(ValueError, match=f"{name} must be .*{bad!r}"):
        Settings.from_env({name: bad})


def test_a_kernel_launcher_reads_only_the_sandbox_limits(monkeypatch):
    from grading import sandbox
    monkeypatch.setenv("RNNCOURSE_WORKERS", "two")  # refused by commands, harmless to a kernel
    monkeypatch.setenv("RNNCOURSE_SANDBOX_PROCESSES", "100")
    assert sandbox.limits()[sandbox.RESOURCES["PROCESSES"]] == 100
    monkeypatch.setenv("RNNCOURSE_SANDBOX_PROCESSES", "many")
    with pytest.raises(ValueError, match="RNNCOURSE_SANDBOX_PROCESSES"):
        sandbox.limits()


def test_what_changes_a_grade_travels_with_a_task_and_locations_do_not():
    environ = {"RNNCOURSE_UNSANDBOXED": "1", "RNNCOURSE_SANDBOX_MEMORY_MB": "2048",
               "RNNCOURSE_CELL_TIMEOUT": "60", "PYTHONHASHSEED": "0", "RNNCOURSE_DB_URL": "sqlite:///x",
               "RNNCOURSE_GRADING_ROOT": "/r", "RNNCOURSE_WORKERS": "2", "HOME": "/root"}
    assert grading_settings(environ) == {
        "PYTHONHASHSEED": "0", "RNNCOURSE_CELL_TIMEOUT": "60",
        "RNNCOURSE_SANDBOX_MEMORY_MB": "2048", "RNNCOURSE_UNSANDBOXED": "1"}
