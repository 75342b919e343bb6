"""Run a student's kernel inside a bubblewrap sandbox.

nbgrader executes student code with the grader's rights, in the same kernel as the tests.
This launcher is the argv of the ``rnncourse-sandbox`` kernelspec that grading uses::

    python sandbox.py -f {connection_file}

It starts ``ipykernel`` under ``bwrap`` so that the kernel

- has no network (a new, empty network namespace; the kernel talks to nbgrader over Unix
  sockets, ``KernelManager.transport = "ipc"``);
- sees only the Python installation, the virtualenv, the course library and a folder of its
  own: for the *student* kernel a copy of the submission's data files (``DATA_SUFFIXES``:
  never the notebook, code, config files or links), for the *grader* kernel an empty folder
  plus the student kernel's connection file and sockets (``RNNCOURSE_SANDBOX_ROLE``, see
  ``two_kernels.py``); never ``solutions/``, the gradebook, the nbgrader config or other
  students' submissions;
- starts Python with ``-P``: nothing in the working folder is importable;
- writes only to that copy and a private ``/tmp`` (both discarded afterwards);
- runs as an unprivileged, per-kernel user id with limits on address space, processes, CPU time and file
  size (``SANDBOX_LIMITS``, overridable through ``RNNCOURSE_SANDBOX_<NAME>`` variables).

``check()`` says whether the sandbox can start here (Linux with bwrap and user
namespaces); grading refuses to run unsandboxed unless asked to explicitly.
"""
from __future__ import annotations

import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _library_dir() -> Path:
    """The folder the kernel's Python imports ``rnncourse`` from (an editable install may
    point at another checkout of the course than this one), else this repository's lib/."""
    spec = importlib.util.find_spec("rnncourse")
    if spec and spec.origin:
        return Path(spec.origin).resolve().parents[1]
    return Path(__file__).resolve().parents[2] / "lib"


LIB = _library_dir()
# Each kernel runs as its own unprivileged uid (no passwd entry needed), so that the
# process limit of one sandbox (a fork bomb) never starves another grading in parallel.
SANDBOX_UIDS = range(200_000, 300_000)
SANDBOX_LIMITS = {  # name: (resource, default)
    "MEMORY_MB": (resource.RLIMIT_AS, 6144),     # address space; TensorFlow reserves ~2.7 GB
    "PROCESSES": (resource.RLIMIT_NPROC, 256),   # tasks incl. threads
    "CPU_SECONDS": (resource.RLIMIT_CPU, 900),
    "FILE_MB": (resource.RLIMIT_FSIZE, 256),
}
SCRATCH = "/tmp/scratch"  # the kernel's HOME and TMPDIR, on a private tmpfs
SYSTEM_DIRS = ["/usr", "/etc", "/bin", "/lib", "/lib64", "/sbin"]
# New network, process, IPC and host-name namespaces. No user namespace: bwrap runs as the
# grader, mounts the filesystem view, and the kernel then drops to an unprivileged user
# (STAGE2), so that process limits apply to a real uid.
NAMESPACES = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
              "--unshare-cgroup-try"]
# The kernel runs with -P: neither the working folder nor anything in it is importable.
# A student kernel makes its files (its Jupyter sockets, its replies to the grader) usable by
# the grader kernel, which runs as another uid.
STAGE2 = ("import os, sys; uid, gid = int(sys.argv[1]), int(sys.argv[2]); "
          "os.umask(int(sys.argv[4], 8)); os.setgroups([]); os.setgid(gid); os.setuid(uid); "
          "os.execv(sys.executable, [sys.executable, '-P', '-m', 'ipykernel_launcher', '-f', sys.argv[3]])")
# What of a submission's folder reaches the student kernel: data files, never code or config.
DATA_SUFFIXES = {".csv", ".tsv", ".txt", ".json", ".npy", ".npz", ".png", ".jpg", ".jpeg", ".gif", ".md"}
ROLES = ("student", "grader")


def limits() -> dict:
    out = {}
    for name, (res, default) in SANDBOX_LIMITS.items():
        value = int(os.environ.get(f"RNNCOURSE_SANDBOX_{name}", default))
        out[res] = value * 1024 * 1024 if name.endswith("_MB") else value
    return out


def _bind_tree(path: str, args: list[str], writable: bool = False) -> None:
    """Bind a path (following a top-level symlink such as /bin -> usr/bin) read-only."""
    if not os.path.exists(path):
        return
    if os.path.islink(path):
        args += ["--symlink", os.readlink(path), path]
        return
    args += ["--bind" if writable else "--ro-bind", path, path]


def bwrap_command(kernel_argv: list[str], workdir: str, scratch: str, sockets: str,
                  home: str, read_only: tuple[str, ...] = (), writable: tuple[str, ...] = (),
                  env: dict | None = None) -> list[str]:
    """The bwrap command line running ``kernel_argv`` with ``workdir`` mapped from ``scratch``,
    ``home`` at ``SCRATCH``, the socket folder writable and the ``read_only`` files visible."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        raise RuntimeError("bubblewrap (bwrap) is not installed")
    args = [bwrap, *NAMESPACES, "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/run"]
    for path in SYSTEM_DIRS:
        _bind_tree(path, args)
    prefixes = {os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)}
    prefixes = sorted(p for p in prefixes
                      if not any(p.startswith(q + "/") for q in prefixes | set(SYSTEM_DIRS)))
    binds = [*prefixes, str(LIB), workdir, sockets, *read_only, *writable]
    for target in sorted(_ancestors(binds)):
        args += ["--perms", "0755", "--dir", target]  # bwrap would make them 0700
    for prefix in prefixes:
        args += ["--ro-bind", prefix, prefix]
    args += ["--ro-bind", str(LIB), str(LIB),
             "--bind", scratch, workdir,
             "--bind", home, SCRATCH,
             "--bind", sockets, sockets,
             *[a for path in read_only for a in ("--ro-bind", path, path)],
             *[a for path in writable for a in ("--bind", path, path)],
             "--chdir", workdir,
             "--clearenv",
             "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
             "--setenv", "HOME", SCRATCH, "--setenv", "TMPDIR", SCRATCH,
             "--setenv", "MPLCONFIGDIR", SCRATCH + "/matplotlib",
             "--setenv", "PYTHONNOUSERSITE", "1", "--setenv", "LANG", "C.UTF-8"]
    for key in ("NBGRADER_EXECUTION", "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS",
                "KERAS_BACKEND", "PYTHONHASHSEED", "OMP_NUM_THREADS"):
        if key in os.environ:
            args += ["--setenv", key, os.environ[key]]
    for key, value in (env or {}).items():
        args += ["--setenv", key, value]
    return args + ["--", *kernel_argv]


def _prepare_home(home: Path) -> None:
    """The kernel's HOME, with the grader's matplotlib font cache (rebuilding it costs seconds)."""
    (home / "matplotlib").mkdir(parents=True)
    candidates = [os.environ.get("MPLCONFIGDIR", ""), os.path.expanduser("~/.cache/matplotlib"),
                  os.path.expanduser("~/.matplotlib")]
    for folder in filter(None, candidates):
        for cache in Path(folder).glob("fontlist-*.json"):
            shutil.copy(cache, home / "matplotlib" / cache.name)


def _ancestors(paths) -> set[str]:
    """Folders above ``paths`` that bwrap must create (not /, not system folders)."""
    out = set()
    for path in paths:
        parent = Path(path).parent
        while str(parent) not in ("/", "/tmp") and str(parent) not in SYSTEM_DIRS:
            out.add(str(parent))
            parent = parent.parent
    return out


def _set_limits(rlimits: dict):
    def apply():
        for res, value in rlimits.items():
            resource.setrlimit(res, (value, value))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def copy_data_files(source: Path, target: Path) -> None:
    """Copy the submission's data files (``DATA_SUFFIXES``) into the kernel's folder: no
    notebook (it holds the restored hidden tests), no code, no config, no links."""
    target.mkdir()
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() not in DATA_SUFFIXES:
            continue
        relative = path.relative_to(source)
        if any(part.startswith(".") or "config" in part.lower() or part.startswith(("ipython", "jupyter"))
               for part in relative.parts):
            continue
        (target / relative.parent).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)


STUDENT_CONNECTION = "/rnncourse/student-connection.json"  # where the grader kernel finds it


def launch(connection_file: str) -> int:
    """Start ipykernel in the sandbox for ``connection_file``; return its exit code.

    ``RNNCOURSE_SANDBOX_ROLE`` says which kernel this is: ``student`` (the submission's data
    files, nothing else) or ``grader`` (an empty folder, plus the student kernel's connection
    file and sockets); both see the exchange folder ``RNNCOURSE_EXCHANGE`` if set.
    """
    info = json.loads(Path(connection_file).read_text())
    if info.get("transport") != "ipc":
        sys.stderr.write("rnncourse sandbox: the kernel needs KernelManager.transport = 'ipc'\n")
        return 2
    role = os.environ.get("RNNCOURSE_SANDBOX_ROLE", "student")
    if role not in ROLES:
        sys.stderr.write(f"rnncourse sandbox: unknown role {role!r}\n")
        return 2
    sockets = str(Path(info["ip"]).parent)
    workdir = os.getcwd()
    uid = gid = SANDBOX_UIDS[os.getpid() % len(SANDBOX_UIDS)]
    with tempfile.TemporaryDirectory(prefix="rnncourse-sandbox-") as tmp:
        scratch = Path(tmp) / "work"
        if role == "student":
            copy_data_files(Path(workdir), scratch)
        else:
            scratch.mkdir()
        home = Path(tmp) / "home"
        _prepare_home(home)
        conn = Path(tmp) / "connection.json"
        shutil.copy(connection_file, conn)
        read_only, writable, env = [str(conn)], [], {"RNNCOURSE_SANDBOX_ROLE": role}
        exchange = os.environ.get("RNNCOURSE_EXCHANGE")
        if exchange:
            writable.append(exchange)
            env["RNNCOURSE_EXCHANGE"] = exchange
        owned = [Path(tmp), conn, *scratch.rglob("*"), scratch, home, *home.rglob("*")]
        binds: list[str] = []
        if role == "grader":
            student = Path(os.environ["RNNCOURSE_STUDENT_CONNECTION"])
            student_copy = Path(tmp) / "student-connection.json"
            shutil.copy(student, student_copy)
            owned.append(student_copy)
            student_sockets = str(Path(json.loads(student.read_text())["ip"]).parent)
            writable.append(student_sockets)
            binds = ["--ro-bind", str(student_copy), STUDENT_CONNECTION]
            env["RNNCOURSE_STUDENT_CONNECTION"] = STUDENT_CONNECTION
        for path in owned:
            os.chown(path, uid, gid)
        os.chmod(tmp, 0o711)
        os.chown(sockets, uid, gid)
        umask = "000" if role == "student" else "022"
        argv = [sys.executable, "-c", STAGE2, str(uid), str(gid), str(conn), umask]
        args = bwrap_command(argv, workdir, str(scratch), sockets, str(home),
                             read_only=tuple(read_only), writable=tuple(writable), env=env)
        if binds:
            cut = args.index("--chdir")
            args[cut:cut] = ["--dir", "/rnncourse", *binds]
        proc = subprocess.Popen(args, preexec_fn=_set_limits(limits()))
        try:
            return proc.wait()
        except KeyboardInterrupt:  # an interrupt meant for the kernel: pass it on
            proc.send_signal(2)
            return proc.wait()


KERNEL_NAME = "rnncourse-sandbox"


def install_kernelspec() -> tuple[str, str]:
    """Write the sandbox kernelspec and make a socket folder, both in fresh temp folders.

    Returns ``(jupyter_path_dir, socket_prefix)``: put the first on ``JUPYTER_PATH`` and use
    the second as ``KernelManager.ip`` with ``KernelManager.transport = "ipc"``.
    """
    data = tempfile.mkdtemp(prefix="rnncourse-kernels-")
    spec = Path(data) / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["python", str(Path(__file__).resolve()), "-f", "{connection_file}"],
        "display_name": "Python 3 (rnncourse grading sandbox)",
        "language": "python",
        "interrupt_mode": "message",
    }, indent=1))
    sockets = tempfile.mkdtemp(prefix="rnncourse-ipc-")
    os.chmod(sockets, 0o755)
    return data, os.path.join(sockets, "kernel")


def check() -> str | None:
    """``None`` if the sandbox can start here, else the reason it cannot."""
    if sys.platform != "linux":
        return f"the grading sandbox needs Linux (bubblewrap); this is {sys.platform}"
    if not shutil.which("bwrap"):
        return "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    if os.geteuid() != 0 and os.environ.get("RNNCOURSE_SANDBOX_AS_USER") != "1":
        return "the sandbox switches to an unprivileged user and needs to start as root"
    probe = [shutil.which("bwrap"), *NAMESPACES, "--die-with-parent", "--ro-bind", "/", "/",
             "--proc", "/proc", "--dev", "/dev", "true"]
    proc = subprocess.run(probe, capture_output=True, text=True)
    if proc.returncode != 0:
        return f"bubblewrap cannot create namespaces here: {proc.stderr.strip()[:200]}"
    return None


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "-f":
        sys.exit(launch(sys.argv[2]))
    if sys.argv[1:] == ["--check"]:
        reason = check()
        print(reason or "sandbox OK")
        sys.exit(1 if reason else 0)
    print(__doc__)
    sys.exit(2)
