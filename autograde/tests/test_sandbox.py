"""The grading sandbox itself (``grading/sandbox.py``), run for real as whoever runs the tests:
root (one uid per kernel) or an ordinary user (one user namespace per kernel; CI runs this
file as one through ``.ci/hostile_as_user.sh``). And the refusal when it cannot start."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grading import PIPELINE, sandbox


def forker(count: int, child_seconds: int, then_seconds: int = 0) -> str:
    """A script forking up to ``count`` children that each live ``child_seconds``; it prints
    how many it got, then lives ``then_seconds`` more."""
    return f"""
import os, time
got = 0
while got < {count}:
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep({child_seconds})
        os._exit(0)
    got += 1
print(got, flush=True)
time.sleep({then_seconds})
"""


FORK_BOMB = forker(5000, 120, then_seconds=120)   # holds its children until it is killed
FORK_SOME = forker(40, 3)                          # 40 children alive at the same time
SHOW_IDENTITY = ("import os; print(os.getuid(), os.readlink('/proc/self/ns/user'), "
                 "open('/proc/self/uid_map').read().split()[2])")  # uid, user namespace, uids mapped
PROCESS_LIMIT = 64


def sandboxed(code: str, folder: Path, uid: int | None, *args: str) -> list[str]:
    """The command running ``python -c code args`` in a sandbox over ``folder`` (as ``uid``
    when grading as root), with ``STAGE2`` and the limits of ``sandbox.limits()``."""
    for name in ("work", "home", "sockets"):
        (folder / name).mkdir(parents=True)
    return sandbox.bwrap_command(
        sandbox.inside([sys.executable, "-c", code, *args], "077", uid), str(folder / "work"),
        str(folder / "work"), str(folder / "sockets"), str(folder / "home"))


def uids(n: int) -> list[int | None]:
    """``n`` distinct kernel uids as root (the scheme of ``launch``), else ``None`` each."""
    if not sandbox.uid_per_kernel():
        return [None] * n
    start = sandbox.kernel_uid() - sandbox.SANDBOX_UIDS[0]
    return [sandbox.SANDBOX_UIDS[(start + i) % len(sandbox.SANDBOX_UIDS)] for i in range(n)]


@pytest.fixture
def sandbox_starts():
    reason = sandbox.check()
    assert reason is None, f"the sandbox cannot start here, so it cannot be tested:\n{reason}"


def test_a_fork_bomb_is_capped_in_its_sandbox_while_another_sandbox_and_the_grader_keep_forking(
        tmp_path, monkeypatch, sandbox_starts):
    monkeypatch.setenv("RNNCOURSE_SANDBOX_PROCESSES", str(PROCESS_LIMIT))
    bomb_uid, other_uid = uids(2)
    bomb = subprocess.Popen(sandboxed(FORK_BOMB, tmp_path / "bomb", bomb_uid),
                            stdout=subprocess.PIPE, text=True)
    try:
        started = time.monotonic()
        forked = int(bomb.stdout.readline())
        bomb_seconds = time.monotonic() - started
        # The bomb's children now hold its sandbox at the limit. Another sandbox, run as the
        # same user (or, as root, its own uid), must still get its processes...
        started = time.monotonic()
        other = subprocess.run(sandboxed(FORK_SOME, tmp_path / "other", other_uid),
                               capture_output=True, text=True, timeout=60)
        other_seconds = time.monotonic() - started
        # ...and so must the grader, outside any sandbox.
        grader = [subprocess.Popen(["sleep", "1"]) for _ in range(100)]
        assert all(p.wait(timeout=30) == 0 for p in grader)
    finally:
        bomb.kill()
        bomb.wait()
    print(f"\nfork bomb: {forked} processes in {bomb_seconds:.2f} s (limit {PROCESS_LIMIT}); "
          f"other sandbox: 40 processes in {other_seconds:.2f} s; grader: 100 processes")
    assert PROCESS_LIMIT - 8 <= forked < PROCESS_LIMIT, f"the fork bomb got {forked} processes"
    assert other.returncode == 0 and other.stdout.split() == ["40"], other.stderr


def test_the_kernel_runs_as_its_own_uid_as_root_and_in_its_own_user_namespace_otherwise(
        tmp_path, sandbox_starts):
    (uid,) = uids(1)
    proc = subprocess.run(sandboxed(SHOW_IDENTITY, tmp_path, uid), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    inner_uid, namespace, mapped = proc.stdout.split()
    if sandbox.uid_per_kernel():
        assert int(inner_uid) == uid
    else:  # its own user namespace, in which only the grading user's uid exists
        assert int(inner_uid) == os.getuid()
        assert namespace != os.readlink("/proc/self/ns/user") and mapped == "1"


def test_the_course_library_the_grader_imports_is_importable_in_the_sandbox(tmp_path, sandbox_starts):
    import rnncourse
    (uid,) = uids(1)
    code = "import rnncourse; print(rnncourse.__file__)"
    proc = subprocess.run(sandboxed(code, tmp_path, uid), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == rnncourse.__file__


def test_a_limit_variable_that_is_not_a_number_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("RNNCOURSE_SANDBOX_MEMORY_MB", "lots")
    with pytest.raises(ValueError, match="RNNCOURSE_SANDBOX_MEMORY_MB must be a whole number"):
        sandbox.limits()


# ---------------------------------------------------------------- when it cannot start ------
NO_USERNS = ("bwrap: No permissions to creating new namespace, likely because the kernel does "
             "not allow non-privileged user namespaces.")


def path_without_bwrap(tmp_path: Path, fake_bwrap_error: str | None) -> str:
    """A PATH with this Python and, if ``fake_bwrap_error``, a bwrap that fails with it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if fake_bwrap_error:
        fake = bin_dir / "bwrap"
        fake.write_text(f"#!/bin/sh\necho '{fake_bwrap_error}' >&2\nexit 1\n")
        fake.chmod(0o755)
    return f"{bin_dir}:{Path(sys.executable).parent}"


@pytest.mark.parametrize("fake_bwrap_error, why, fix", [
    (None, "bubblewrap (bwrap) is not installed", "apt-get install bubblewrap"),
    (NO_USERNS, NO_USERNS, "sysctl" if os.geteuid() else "container"),
], ids=["bwrap-missing", "namespaces-refused"])
def test_check_says_why_the_sandbox_cannot_start_and_how_to_fix_it(
        tmp_path, monkeypatch, fake_bwrap_error, why, fix):
    monkeypatch.setenv("PATH", path_without_bwrap(tmp_path, fake_bwrap_error))
    reason = sandbox.check()
    assert reason and why in reason and fix in reason


@pytest.mark.parametrize("fake_bwrap_error", [None, NO_USERNS], ids=["bwrap-missing", "namespaces-refused"])
def test_autograde_without_a_sandbox_says_why_once_and_grades_nobody(tmp_path, fake_bwrap_error):
    root = tmp_path / "root"
    for student in ("alice", "bob"):
        (root / "submitted" / student / "01_sequential_data").mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key != "RNNCOURSE_UNSANDBOXED"}
    env.update(PATH=path_without_bwrap(tmp_path, fake_bwrap_error), RNNCOURSE_GRADING_ROOT=str(root))
    proc = subprocess.run([sys.executable, str(PIPELINE), "autograde", "01_sequential_data"],
                          capture_output=True, text=True, env=env, timeout=120)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 2, output
    assert output.count("refusing to autograde") == 1 and "make autograde UNSANDBOXED=1" in output
    assert "alice" not in output and "bob" not in output, "students were graded (or tried)"
    assert not (root / "gradebook.db").exists()
