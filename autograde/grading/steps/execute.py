"""nbgrader's Execute step, made to survive hostile or broken student code.

Plain nbgrader gives up on a whole notebook when the kernel dies (``os._exit``, a crash, a
process killed for its memory): every exercise scores zero and the submission is dropped.
``ResilientExecute`` instead

- marks the cell during which the kernel died with an error (so its tests score zero),
- does the same after a ``MemoryError`` or a failed fork (a memory or fork bomb leaves the
  kernel alive but unusable), and after a cell of student code that ran out of time (an
  interrupt stops the kernel's main thread, not the processes or threads it started: a fork
  bomb's children would spin on, starving every other student graded on the machine);
- starts a fresh kernel, silently re-runs the cells above it (skipping any that crashed or
  failed), and carries on, so honest exercises still earn their points;
- caps each cell's stored output (a student printing gigabytes must not bloat the
  gradebook or the feedback);
- treats a student cell whose kernel answers in a way the client cannot follow (any other
  exception: 256 forked copies of a kernel share its sockets) as a crash;
- scores a cell whose output never arrives (nbclient's IOPub timeout, seen when a fork bomb
  next door loads the machine) as failed instead of dropping the whole notebook: a lost
  error message must never read as a passed test, nor cost the other exercises.
"""
from __future__ import annotations

import copy
import os
import time

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute
from traitlets import Integer

# Errors after which the kernel is unusable for what follows: memory held by the traceback,
# or a process table filled by forked children.
POISONING_ERRORS = {"MemoryError", "BlockingIOError"}
CRASH_MESSAGE = ("The kernel died while running this cell (os._exit, a crash, or a resource "
                 "limit of the grading sandbox). It was restarted and the cells above were re-run.")
TIMEOUT_MESSAGE = "This cell ran longer than {} s and was stopped; the kernel was restarted."
CONFUSED_MESSAGE = ("The kernel answered this cell in a way the grader could not follow (forked copies "
                    "of the kernel talking at once?). It was restarted and the cells above were re-run.")
LOST_OUTPUT_MESSAGE = ("This cell finished, but its output did not arrive within {} s (the grading "
                       "machine was overloaded), so it cannot be scored: ask for a regrade.")


class ResilientExecute(Execute):
    max_output_chars = Integer(20_000, help="characters kept per output of a cell").tag(config=True)
    max_restarts = Integer(3, help="kernel restarts per notebook before giving up").tag(config=True)
    replay_timeout = Integer(180, help="seconds per cell when re-running cells after a restart").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._crashed: set[int] = set()
        self._restarts = 0
        return super().preprocess(nb, resources, km)

    async def _async_handle_timeout(self, timeout, cell=None):
        self._timed_out = True
        return await super()._async_handle_timeout(timeout, cell)

    def preprocess_cell(self, cell, resources, index):
        self._timed_out = False
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._crashed.add(index)
            cell.outputs = [_error_output("DeadKernelError", CRASH_MESSAGE)]
            self.nb.cells[index] = cell
            self._restart(index)
        except CellTimeoutError:  # the reply came, its outputs did not (iopub_timeout)
            cell.outputs.append(_error_output("CellTimeoutError", LOST_OUTPUT_MESSAGE.format(self.iopub_timeout)))
            self.nb.cells[index] = cell
            self._restart_if_student_code(index)
        except Exception as exc:  # noqa: BLE001 - e.g. the replies of 256 forked copies of the kernel
            if not self._runs_student_code():
                raise  # the grader's own kernel: a bug of ours, never hidden
            self._crashed.add(index)
            cell.outputs = [_error_output(type(exc).__name__, f"{CONFUSED_MESSAGE} ({exc})"[:500])]
            self.nb.cells[index] = cell
            self._restart(index + 1)
        else:
            if _poisoned(cell):  # the kernel lives but its memory or process table is full
                self._crashed.add(index)
                self._restart(index + 1)
            elif self._timed_out:
                if not _errors(cell):
                    cell.outputs.append(_error_output("CellTimeoutError", TIMEOUT_MESSAGE.format(self.timeout)))
                self._restart_if_student_code(index)
        self._cap_outputs(cell)
        return cell, resources

    def _restart(self, index: int) -> None:
        """Fresh kernel; silently re-run the code cells before ``index`` that ran cleanly.

        Cells that crashed or failed the first time are skipped (they are the likely cause,
        and an endless loop would only time out again). The re-runs get a generous timeout:
        each finished once already, and right after a memory or fork bomb the machine may
        be slow while the old sandbox is torn down.
        """
        self._restarts += 1
        if self._restarts > self._restart_budget():
            raise DeadKernelError(f"the kernel died {self._restarts} times; giving up")
        self.log.warning("kernel died in cell %d; restarting and re-running the cells above", index)
        self._fresh_kernel()
        self._after_kernel_start()
        timeout, self.timeout = self.timeout, max(self.timeout or 0, self.replay_timeout)
        try:
            for j, earlier in enumerate(self.nb.cells[:index]):
                if earlier.cell_type != "code" or j in self._crashed or _errors(earlier) \
                        or not self._runs_here(earlier):
                    continue
                self._replay(j, earlier)
        finally:
            self.timeout = timeout

    def _fresh_kernel(self) -> None:
        """Restart the kernel and talk to it through a new client.

        The forked copies of a kernel (a fork bomb's) outlive it while the old sandbox is torn
        down, still holding its sockets: a client connected before the restart may be answered
        by one of them, or see its requests vanish with them. So the old client is dropped, and
        the new one connects only once the new kernel has bound sockets of its own."""
        before = socket_files(self.km)
        self.kc.stop_channels()
        run_sync(self.km.restart_kernel)(now=True)
        wait_for_new_sockets(before, self.startup_timeout)
        self.start_new_kernel_client()

    def _restart_if_student_code(self, index: int) -> None:
        """After a cell that ran out of time: a kernel running student code is restarted."""
        if self._runs_student_code():
            self._crashed.add(index)
            self._restart(index + 1)

    def _runs_student_code(self) -> bool:
        """Whether the current kernel runs student code (one kernel: yes)."""
        return True

    def _restart_budget(self) -> int:
        return self.max_restarts

    def _after_kernel_start(self) -> None:
        """Called after a restart, before the replay (a subclass loads its helpers)."""

    def _runs_here(self, cell) -> bool:
        """Whether ``cell`` ran in the kernel being restarted (one kernel: every cell)."""
        return True

    def _replay(self, j: int, earlier) -> None:
        replay = copy.deepcopy(earlier)
        try:
            self.execute_cell(replay, j, store_history=False)
            if _errors(replay):
                self.log.warning("re-running cell %d after the restart failed: %s", j, _errors(replay))
        except DeadKernelError:
            self._crashed.add(j)
            self._fresh_kernel()
            self._after_kernel_start()
        except CellTimeoutError:  # it ran, its outputs lagged (a loaded machine): they are not kept
            self.log.warning("the outputs of re-run cell %d did not arrive in time", j)
        finally:
            self.nb.cells[j] = earlier  # keep the first run's outputs

    def _cap_outputs(self, cell) -> None:
        for output in cell.get("outputs", []):
            text = output.get("text")
            if isinstance(text, str) and len(text) > self.max_output_chars:
                output["text"] = text[: self.max_output_chars] + \
                    f"\n... [output cut: {len(text) - self.max_output_chars} more characters]\n"
            data = output.get("data", {})
            for key, value in list(data.items()):
                if isinstance(value, str) and len(value) > self.max_output_chars * 10:
                    data[key] = value[: self.max_output_chars] + "\n... [output cut]"


def socket_files(km) -> dict[str, tuple[int, int] | None]:
    """``{path: (inode, ctime in ns) or None}`` of the socket files of ``km``'s kernel (ipc
    transport; ``{}`` for tcp, whose ports a new kernel cannot bind while a copy holds them)."""
    if km.transport != "ipc":
        return {}
    ports = (km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port)
    return {f"{km.ip}-{port}": _identity(f"{km.ip}-{port}") for port in ports}


def wait_for_new_sockets(before: dict, timeout: float) -> None:
    """Wait until each socket file of ``before`` has been made anew (a new kernel binding it
    replaces the file); ``DeadKernelError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        now = {path: _identity(path) for path in before}
        if all(now[p] is not None and now[p] != before[p] for p in before):
            return
        if time.monotonic() > deadline:
            raise DeadKernelError(f"the restarted kernel did not open its sockets within {timeout:.0f} s")
        time.sleep(0.05)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
        return stat.st_ino, stat.st_ctime_ns
    except OSError:
        return None


def _errors(cell) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", [])
            if o.get("output_type") == "error"]


def _poisoned(cell) -> bool:
    return any(o.get("output_type") == "error" and o.get("ename") in POISONING_ERRORS
               for o in cell.get("outputs", []))


def _error_output(ename: str, evalue: str):
    from nbformat.v4 import new_output
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])
