"""nbgrader without its start-up cost: a warm process that forks one child per command.

Importing nbgrader takes ~2 s (jsonschema's format checkers alone ~1 s), as long as a third
of grading a light notebook. Each Dask worker starts one fork server (``worker.py``): it
imports nbgrader once, then answers each request ``{"argv", "env", "cwd"}`` with a forked
child that runs the real ``nbgrader ARGV`` command line in its own process, with that
environment and working folder, and returns ``{"returncode", "output"}``.

The server is a separate, single-threaded process because forking the (multi-threaded)
Dask worker itself would not be safe. On Linux the server dies with its worker; an nbgrader
child then running finishes its submission and shuts its kernels down as usual (its result
goes nowhere: Dask has already given the task to another worker).

    python -m grading.instructor.cluster.forkserver     serve requests on stdin (one JSON per line)
"""
from __future__ import annotations

import ctypes
import importlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import traceback

from ... import AUTOGRADE
from ...settings import Settings

PREFORK_IMPORTS = ("nbgrader.apps.nbgraderapp", "nbgrader.preprocessors", "nbclient",
                   "nbconvert.preprocessors", "jupyter_client.manager", "IPython",
                   "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg2",
                   "grading.steps.execute", "grading.steps.feedback", "grading.steps.tamper", "grading.sandbox")
PR_SET_PDEATHSIG = 1


def prefork_enabled(environ=None) -> bool:
    """Fork servers on Linux unless ``RNNCOURSE_PREFORK=0`` (elsewhere: plain processes)."""
    return sys.platform == "linux" and Settings.from_env(environ).prefork


def die_with_parent() -> None:
    """Have Linux kill this process when its parent dies (no-op elsewhere)."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def run_plain(argv: list[str], env: dict, cwd: str = str(AUTOGRADE)) -> tuple[int, str]:
    """``nbgrader ARGV`` as a fresh process: (exit code, output)."""
    from ..nbgrader_run import BIN
    proc = subprocess.run([str(BIN / "nbgrader"), *argv], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    return proc.returncode, proc.stdout


def _exit_code(exc: SystemExit) -> int:
    return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)


def run_forked(argv: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[int, str]:
    """``nbgrader ARGV`` in a forked child of this process, with ``env`` as its whole
    environment and ``cwd`` as its folder when given: (exit code, output)."""
    with tempfile.TemporaryFile() as log:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child becomes `nbgrader ARGV`, output to the log, no stdin
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C cancels nbgrader
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                if env is not None:
                    os.environ.clear()
                    os.environ.update(env)
                    tempfile.tempdir = None  # TMPDIR may have changed
                if cwd is not None:
                    os.chdir(cwd)
                sys.argv = ["nbgrader", *argv]
                from nbgrader.apps.nbgraderapp import main
                main()
                code = 0
            except SystemExit as exc:
                code = _exit_code(exc)
            except BaseException:  # noqa: B036 - report anything, then leave
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        log.seek(0)
        return os.waitstatus_to_exitcode(status), log.read().decode(errors="replace")


def serve(stdin=None, stdout=None) -> int:
    """The fork server: import nbgrader once, then answer each line of ``stdin``."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    die_with_parent()
    # Ctrl-C stops the nbgrader children (which report "Canceled"); the server itself
    # answers for them and ends when its stdin closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in PREFORK_IMPORTS:
        try:
            importlib.import_module(name)
        except ImportError:  # e.g. no PostgreSQL driver: the child imports what it needs
            pass
    for line in iter(stdin.readline, ""):
        request = json.loads(line)
        code, output = run_forked(request["argv"], request.get("env"), request.get("cwd"))
        stdout.write(json.dumps({"returncode": code, "output": output}) + "\n")
        stdout.flush()
    return 0


class ForkServer:
    """A ``python -m grading.instructor.cluster.forkserver`` process started with ``env``."""

    def __init__(self, env: dict):
        self.env = env
        self.proc = self._start()

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "grading.instructor.cluster.forkserver"],
                                cwd=AUTOGRADE, env=self.env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, argv: list[str], env: dict, cwd: str = str(AUTOGRADE)) -> tuple[int, str]:
        """``nbgrader ARGV`` with ``env`` in ``cwd``, forked from the warm server."""
        try:
            self.proc.stdin.write(json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n")
            self.proc.stdin.flush()
            reply = json.loads(self.proc.stdout.readline())
            return reply["returncode"], reply["output"]
        except (OSError, ValueError):  # the server died: replace it, run this one plainly
            self.close()
            self.proc = self._start()
            return run_plain(argv, env, cwd)

    def close(self, timeout: float = 5.0) -> None:
        """End the server: it leaves when its stdin closes, or is killed after ``timeout``
        seconds (an nbgrader child then running still finishes on its own)."""
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


if __name__ == "__main__":
    sys.exit(serve())
