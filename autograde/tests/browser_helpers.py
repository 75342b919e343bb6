"""Helpers of test_browser.py: a real ``jupyter lab`` server, Chromium, JupyterLab actions.

The server is started the way ``make lab`` starts it (``jupyter lab --ServerApp.root_dir=...``,
the venv's bin first on PATH), on a free loopback port with a known token, and stopped with
every process it started (kernels run in their own sessions, so they are found and ended by
process id).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
# the server is on loopback: never through an http(s)_proxy of the environment
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))
CHROMIUM = os.environ.get("RNNCOURSE_CHROMIUM", "/usr/bin/chromium")
# Headless Chromium as root on a closed network: no sandbox, no GPU, nothing phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--no-proxy-server",
]
VIEWPORT = {"width": 1440, "height": 900}


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children() -> dict[int, list[int]]:
    """``{ppid: [pid, ...]}`` of every process, read from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name is in parentheses and may contain spaces
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is gone for our purposes
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class JupyterLabServer:
    """``jupyter lab`` serving ``root_dir`` from ``cwd``, with a known token on a free port."""

    def __init__(self, root_dir: Path, cwd: Path, log: Path, env: dict | None = None,
                 extra_args: list[str] | None = None, offline_flags: bool = True):
        """offline_flags: turn JupyterLab's news feed and update check off on the command line
        (False where a config file must do it, as the repository's lab/ does for make lab)."""
        self.root_dir, self.cwd, self.log_path = Path(root_dir), Path(cwd), Path(log)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ if env is None else env)
        # what the Makefile exports: the venv's bin first (kernels, nbgrader, alembic)
        self.env["PATH"] = f"{BIN}{os.pathsep}{self.env.get('PATH', '')}"
        self.env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        self.args = [
            str(BIN / "jupyter"), "lab", f"--ServerApp.root_dir={self.root_dir}",
            "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
            # no calls to the internet from the server (news feed, update check)
            *(["--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
              if offline_flags else []),
            # jupyter refuses to run as root without it (CI containers often are root)
            *(["--allow-root"] if os.geteuid() == 0 else []),
            *(extra_args or []),
        ]
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> "JupyterLabServer":
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(self.args, cwd=self.cwd, env=self.env,
                                     stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                code = self.proc.returncode
                self.stop()
                raise RuntimeError(f"jupyter lab exited with {code}:\n{self.log()}")
            try:
                if self.api("GET", "/api/status", timeout=5).get("started"):
                    # the lab page itself must be served, not only the REST API
                    with _LOCAL.open(self.lab_url(), timeout=10) as r:
                        if r.status == 200:
                            return self
            except (OSError, urllib.error.URLError, ValueError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.log()}")
            time.sleep(0.25)

    def lab_url(self, path: str = "/lab") -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def api(self, method: str, path: str, body=None, timeout: float = 30):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with _LOCAL.open(req, timeout=timeout) as r:
            text = r.read().decode()
            return json.loads(text) if text else None

    def log(self, tail: int = 6000) -> str:
        try:
            return self.log_path.read_text()[-tail:]
        except OSError:
            return ""

    def stop(self, timeout: float = 30) -> list[int]:
        """Shut the kernels and the server down; end by id whatever they left behind.
        Returns the ids of processes that had to be killed."""
        if self.proc is None:
            return []
        started = [self.proc.pid, *descendants(self.proc.pid)]
        if self.proc.poll() is None:
            try:
                for kernel in self.api("GET", "/api/kernels", timeout=10) or []:
                    self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=30)
            except (OSError, urllib.error.URLError, ValueError):
                pass
            self.proc.send_signal(signal.SIGTERM)  # jupyter server shuts down cleanly on SIGTERM
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        killed = []
        deadline = time.monotonic() + 10
        for pid in started[1:]:
            while alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if alive(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                except ProcessLookupError:
                    pass
        self._log.close()
        self.proc = None
        return killed


# ---- JupyterLab in the browser -------------------------------------------------------------

PROMPTS_JS = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return [];
    // textContent, not innerText: cells outside the viewport are not rendered
    // (content-visibility), and their innerText is empty
    return [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
        .map(e => e.textContent.replace(/[\\[\\]:\\s]/g, ''));
}"""


def prompts(page) -> list[str]:
    """The input prompt of every code cell of the current notebook: '', '*' or a number."""
    return page.evaluate(PROMPTS_JS)


def open_notebook(page, server: JupyterLabServer, path: str, timeout_ms: int = 120_000):
    """Open ``path`` (relative to the server root) in JupyterLab, in a fresh workspace (no tab
    of an earlier test restored, with a kernel of its own); wait for an idle kernel."""
    page.goto(server.lab_url(f"/lab/tree/{path}?reset"), wait_until="domcontentloaded")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-Cell").first.wait_for(timeout=timeout_ms)
    wait_kernel_idle(page, timeout_ms)
    return panel


def wait_kernel_idle(page, timeout_ms: int = 120_000):
    """The status bar says the notebook's kernel is started and idle ("Python 3 (ipykernel) |
    Idle"); the toolbar's execution indicator says "idle" even while the kernel starts."""
    page.wait_for_function(KERNEL_IDLE_JS, timeout=timeout_ms, polling=250)


KERNEL_IDLE_JS = """() => {
    const bar = document.querySelector('#jp-main-statusbar');
    return !!bar && bar.innerText.split('\\n').some(
        line => /\\|\\s*Idle\\s*$/.test(line) && !/^No Kernel/.test(line));
}"""


def run_all_cells(page, code_cells: int, timeout_ms: int = 180_000) -> list[str]:
    """Run > Run All Cells through the menu bar; wait until each of the ``code_cells`` code
    cells is attached, none is queued or running, one at least has run, and the kernel is idle.
    Returns the prompts afterwards ('' for the cells skipped after an error)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                 has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(
        f"""() => {{
            const p = ({PROMPTS_JS})();
            return p.length === {int(code_cells)} && p.some(t => /^\\d+$/.test(t))
                && !p.includes('*') && ({KERNEL_IDLE_JS})();
        }}""", timeout=timeout_ms, polling=250)
    return prompts(page)


def validate(page, timeout_ms: int = 240_000):
    """Press nbgrader's Validate button in the notebook toolbar; return the verdict dialog."""
    button = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) jp-button.validate-button")
    button.click()
    dialog = page.locator(".jp-Dialog.nbgrader-ErrorDialog, .jp-Dialog.nbgrader-SuccessDialog")
    dialog.wait_for(timeout=timeout_ms)
    dialog.locator("#validation-message").wait_for(timeout=10_000)
    return dialog


def show(page, locator, timeout_ms: int = 30_000):
    """Scroll ``locator`` into view and wait until it is painted (cells outside the viewport
    are skipped by the browser until then), for a screenshot that shows it."""
    locator.scroll_into_view_if_needed()
    page.wait_for_function("el => el.innerText.trim().length > 0", arg=locator.element_handle(),
                           timeout=timeout_ms)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def close_dialog(page, dialog):
    dialog.locator("button.jp-Dialog-button").click()
    dialog.wait_for(state="detached", timeout=10_000)
