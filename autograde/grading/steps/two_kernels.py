"""The Execute step with two kernels: student code in one, the tests in another.

In one kernel, student code can reach every object a test relies on (IPython's input
transformers, the assertion helpers, numpy itself), and no blacklist can close that. So
grading runs each notebook in two sandboxed kernels:

    student kernel   answer cells, ordinary cells, cells the student added, locked cells
    grader kernel    locked cells and test cells: never a line of student code

A locked cell (set-up, given code) runs in both, at the same time. After the notebook's
sanitize steps, a cell is locked or a test only if its grade id is one of the source's, so
its code is the instructor's. In the grader kernel the names a test uses are bound to the
student's definitions just before it runs (``bridge/grader_side.py``): functions as proxies
that run in the student kernel, values as copies, through the codec of ``bridge/codec.py``
(plain data only). The grader kernel also receives the source of each student cell, as
a string, for static checks such as "numpy only".

Crashes are handled per kernel (``ResilientExecute``): a student kernel that dies is
restarted and the cells that ran in it replayed; so is a grader kernel.
"""
from __future__ import annotations

import os
import queue
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import DeadKernelError
from traitlets import Bool, Integer

from .. import sandbox
from .execute import ResilientExecute, _error_output

BRIDGE = Path(__file__).resolve().parent / "bridge"
STUDENT_GONE = ("Not run: the kernel running your code died too often and was not restarted "
                "again (os._exit, a crash, or a resource limit in earlier cells).")


def role(cell) -> str:
    """Where a code cell runs: ``"grader"`` (test cells), ``"both"`` (locked cells) or
    ``"student"`` (everything the student may have written)."""
    meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
    if meta.get("grade") and not meta.get("solution"):
        return "grader"
    if meta.get("locked") and not meta.get("solution") and not meta.get("grade"):
        return "both"
    return "student"


def _loader(modules: list[tuple[str, str]], call: str) -> str:
    """Code that loads bridge modules from their source text (no file of ours needs to be
    visible in the kernel's sandbox), then runs ``call``."""
    parts = ["import sys as _s, types as _t",
             "def _rnncourse_load(name, src):",
             "    m = _t.ModuleType(name); m.__file__ = '<rnncourse bridge: ' + name + '>'",
             "    _s.modules[name] = m; exec(compile(src, m.__file__, 'exec'), m.__dict__); return m"]
    for name, file in modules:
        parts.append(f"_rnncourse_load({name!r}, {(BRIDGE / file).read_text()!r})")
    parts += [call, "del _rnncourse_load, _s, _t"]
    return "\n".join(parts)


class _Kernel:
    """The student kernel's manager and client, swapped in while one of its cells runs."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc
        self.restarts = 0


class TwoKernelExecute(ResilientExecute):
    two_kernels = Bool(True, help="run test cells in a grader kernel apart from the student's code"
                       ).tag(config=True)
    max_student_restarts = Integer(8, help="restarts of the student's kernel per notebook (a "
                                   "function may kill it each time a test calls it)").tag(config=True)

    # ---------------------------------------------------------------- kernels ------------
    def preprocess(self, nb, resources=None, km=None):
        if not self.two_kernels:
            return super().preprocess(nb, resources, km)
        self._exchange = tempfile.mkdtemp(prefix="rnncourse-exchange-")
        os.chmod(self._exchange, sandbox.folder_mode(0o777))  # both kernels write here
        self._student: _Kernel | None = None
        self._grader_ready = self._grader_connected = False
        self._in_student = False
        self._student_broken = False
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self._stop_student()
            shutil.rmtree(self._exchange, ignore_errors=True)

    def _env(self, role_name: str, **extra) -> dict:
        env = dict(os.environ)
        env.update(RNNCOURSE_SANDBOX_ROLE=role_name, RNNCOURSE_EXCHANGE=self._exchange, **extra)
        return env

    async def async_start_new_kernel(self, **kwargs):
        if not self.two_kernels:
            return await super().async_start_new_kernel(**kwargs)
        # The student kernel first: the grader kernel is given its connection file.
        km = self.kernel_manager_class(kernel_name=self.kernel_name, config=self.config)
        if km.transport == "ipc":  # its own socket folder, which the grader may also see
            folder = tempfile.mkdtemp(prefix="rnncourse-ipc-student-")
            os.chmod(folder, sandbox.folder_mode(0o755))
            km.ip = os.path.join(folder, "kernel")
        path = self.resources.get("metadata", {}).get("path") or None
        start_student = ensure_async(km.start_kernel(extra_arguments=self.extra_arguments, cwd=path,
                                                     env=self._env("student")))
        await start_student
        kc = km.client()
        await ensure_async(kc.start_channels())
        await ensure_async(kc.wait_for_ready(timeout=self.startup_timeout))
        kc.allow_stdin = False
        self._student = _Kernel(km, kc)
        kwargs["env"] = self._env("grader", RNNCOURSE_STUDENT_CONNECTION=km.connection_file)
        await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

    def _log_round_trips(self) -> None:
        try:
            if self._grader_ready and self.kc is not None:
                counts = self._run_silently("", {"n": "next(_rnncourse_grader.student.counter) - 1"})
                self.log.info("graded in two kernels: %s round trips to the student's kernel",
                              counts.get("n"))
        except Exception:  # noqa: BLE001 - statistics only
            pass

    def _stop_student(self) -> None:
        student = getattr(self, "_student", None)
        if student is None:
            return
        try:
            student.kc.stop_channels()
            run_sync(student.km.shutdown_kernel)(now=True)
            run_sync(student.km.cleanup_resources)()
        except Exception as exc:  # noqa: BLE001 - a dead kernel is already stopped
            self.log.debug("stopping the student kernel: %s", exc)
        if student.km.transport == "ipc":
            shutil.rmtree(Path(student.km.ip).parent, ignore_errors=True)
        self._student = None

    @contextmanager
    def _on_student(self):
        """While inside, nbclient's execution machinery talks to the student kernel."""
        grader_km, grader_kc, grader_restarts = self.km, self.kc, self._restarts
        self.km, self.kc, self._in_student = self._student.km, self._student.kc, True
        self._restarts = self._student.restarts  # each kernel has its own restart budget
        try:
            yield
        finally:
            self._student.km, self._student.kc, self._student.restarts = self.km, self.kc, self._restarts
            self.km, self.kc, self._in_student = grader_km, grader_kc, False
            self._restarts = grader_restarts

    def _after_kernel_start(self) -> None:
        if self._in_student:
            self._run_silently(_loader([("_rnncourse_codec", "codec.py"),
                                        ("_rnncourse_student_side", "student_side.py")],
                                       "_s.modules['_rnncourse_student_side'].install()"))
            self._grader_connected = False  # the grader's client predates this kernel
        else:
            self._grader_ready = False
            self._load_grader()

    def _runs_student_code(self) -> bool:
        return self._in_student or not self.two_kernels

    def _restart_budget(self) -> int:
        return self.max_student_restarts if self._in_student else self.max_restarts

    def _runs_here(self, cell) -> bool:
        where = role(cell)
        return where == "both" or where == ("student" if self._in_student else "grader")

    def _reply(self, msg_id: str, timeout: float) -> dict:
        """The current kernel's reply to ``msg_id``: ``TimeoutError`` after ``timeout``
        seconds, ``DeadKernelError`` if the kernel dies meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no reply within {timeout:.0f} s")
            try:
                msg = run_sync(self.kc.get_shell_msg)(timeout=min(remaining, 1.0))
            except queue.Empty:
                if not run_sync(self.km.is_alive)():
                    raise DeadKernelError("the kernel died") from None
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def _run_silently(self, code: str, expressions: dict | None = None) -> dict:
        """Run ``code`` in the current kernel without a cell; raise if it fails. Returns the
        values of ``expressions`` (``{key: expression}``) as text."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                                 user_expressions=expressions or {})
        reply = self._reply(msg_id, self.startup_timeout)
        if reply["content"].get("status") != "ok":
            content = reply["content"]
            raise RuntimeError(f"rnncourse: could not load the grading bridge: "
                               f"{content.get('ename')}: {content.get('evalue')}")
        return {k: v.get("data", {}).get("text/plain") for k, v in
                (reply["content"].get("user_expressions") or {}).items()}

    def _load_grader(self) -> None:
        if self._grader_ready:
            return
        connection = "/rnncourse/student-connection.json" if self._sandboxed() \
            else self._student.km.connection_file
        self._run_silently(_loader(
            [("_rnncourse_codec", "codec.py"), ("_rnncourse_grader_side", "grader_side.py")],
            f"_s.modules['_rnncourse_grader_side'].install({connection!r}, {self._exchange!r})"))
        self._grader_ready = self._grader_connected = True

    def _connect_grader(self) -> None:
        """Before the grader's next cell after a restart of the student kernel: a new client
        of it in the grader kernel (``ResilientExecute._fresh_kernel`` says why)."""
        if self._grader_ready and not self._grader_connected:
            try:
                self._run_silently("_rnncourse_grader.student.reconnect()")
                self._grader_connected = True
            except Exception as exc:  # noqa: BLE001 - a dead grader kernel is restarted by its next cell
                self.log.warning("could not reconnect the grader to the student's kernel: %s", exc)

    def _sandboxed(self) -> bool:
        return self.kernel_name.startswith("rnncourse-sandbox")

    # ---------------------------------------------------------------- cells --------------
    def preprocess_cell(self, cell, resources, index):
        try:
            return self._preprocess_cell(cell, resources, index)
        finally:
            if self.two_kernels and index == len(self.nb.cells) - 1:
                self._log_round_trips()

    def _preprocess_cell(self, cell, resources, index):
        if not self.two_kernels or cell.cell_type != "code":
            return super().preprocess_cell(cell, resources, index)
        if index == 0 or not self._grader_ready:
            self._prepare()
        where = role(cell)
        if where == "student":
            if self._student_broken:
                cell.outputs = [_error_output("DeadKernelError", STUDENT_GONE)]
                return cell, resources
            try:
                with self._on_student():
                    cell, resources = super().preprocess_cell(cell, resources, index)
            except DeadKernelError:  # it kept dying: grade the rest without it
                self._student_broken = True
                cell.outputs = [_error_output("DeadKernelError", STUDENT_GONE)]
            self._tell_grader(cell.source)
            return cell, resources
        self._connect_grader()
        if where == "both":
            pending = None if self._student_broken else self._start_in_student(cell)
            cell, resources = super().preprocess_cell(cell, resources, index)
            if pending is not None:
                self._finish_in_student(pending, index)
            return cell, resources
        cell, resources = super().preprocess_cell(cell, resources, index)
        if not self._student_broken:
            self._check_student(index)
        return cell, resources

    def _prepare(self) -> None:
        if not getattr(self, "_student_bridge", False):
            with self._on_student():
                self._after_kernel_start()
            self._student_bridge = True
        self._load_grader()

    def _tell_grader(self, source: str) -> None:
        try:
            self._run_silently(f"_rnncourse_grader.student_source({source!r})")
        except Exception as exc:  # noqa: BLE001 - a dead grader kernel is restarted by its next cell
            self.log.warning("could not pass a student cell's source to the grader: %s", exc)

    def _start_in_student(self, cell):
        """Send a locked cell to the student kernel without waiting (it runs alongside)."""
        return self._student.kc.execute(cell.source, silent=False, store_history=True, allow_stdin=False)

    def _finish_in_student(self, msg_id, index: int) -> None:
        with self._on_student():
            try:
                self._reply(msg_id, max(self.timeout or 0, 60))
                return
            except Exception:  # noqa: BLE001 - no reply: dead, or stuck in student hooks
                self.log.warning("the student kernel did not finish locked cell %d", index)
            self._recover_student(index + 1)

    def _check_student(self, index: int) -> None:
        """After a test cell: the student kernel must be alive and idle for what follows."""
        with self._on_student():
            try:
                alive = run_sync(self.km.is_alive)()
                if alive:
                    self._reply(self.kc.kernel_info(), 30)
                    return
            except Exception:  # noqa: BLE001 - busy (a call that timed out) or dead
                try:
                    run_sync(self.km.interrupt_kernel)()
                    self._reply(self.kc.kernel_info(), 30)
                    return
                except Exception:  # noqa: BLE001
                    pass
            self._recover_student(index + 1)

    def _recover_student(self, index: int) -> None:
        """Restart the student kernel (inside ``_on_student``) and replay cells above ``index``."""
        if not self._in_student:
            with self._on_student():
                return self._recover_student(index)
        try:
            self._restart(index)
        except Exception as exc:  # noqa: BLE001 - the tests still run; calls then fail
            self.log.warning("restarting the student kernel failed: %s", exc)
            self._student_broken = True


__all__ = ["TwoKernelExecute", "role"]
