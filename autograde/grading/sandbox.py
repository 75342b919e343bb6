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
- has limits on address space, processes, CPU time and file size (``settings.SANDBOX_LIMITS``,
  overridable through ``RNNCOURSE_SANDBOX_<NAME>`` variables), the process limit counting
  that kernel's processes only, so that a fork bomb starves neither the grader nor the
  other kernels grading in parallel. How depends on who grades (``uid_per_kernel()``):

  root          each kernel runs as its own unprivileged uid (``SANDBOX_UIDS``), and
                RLIMIT_NPROC counts the processes of that uid;
  anyone else   each kernel runs in its own user namespace (bwrap ``--unshare-user``, mapped
                to the grading user's own uid), and RLIMIT_NPROC, set inside the namespace,
                counts the processes of that namespace (Linux >= 5.15 accounts it per user
                namespace; older kernels count all the user's processes, see ``check()``).

  Root keeps its own scheme because in a user namespace that root creates the kernel is
  uid 0 of the machine again, which RLIMIT_NPROC exempts; a separate uid also keeps a
  kernel from signalling or reading the others even outside its namespaces.

``check()`` says whether the sandbox can start here (it starts a trivial one);
``refusal()`` tells the instructor why not and how to fix it. Grading refuses to run
unsandboxed unless asked to explicitly (``RNNCOURSE_UNSANDBOXED=1``).
"""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as the kernelspec's launcher, `python .../grading/sandbox.py -f ...`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grading.settings import Settings, sandbox_limits  # noqa: E402

LIB = Path(__file__).resolve().parents[2] / "lib"  # this checkout's course library
# As root, each kernel runs as its own unprivileged uid (no passwd entry needed), so that the
# process limit of one sandbox (a fork bomb) never starves another grading in parallel.
SANDBOX_UIDS = range(200_000, 300_000)
# The limit each setting RNNCOURSE_SANDBOX_<NAME> sets (defaults in settings.SANDBOX_LIMITS):
# MEMORY_MB is address space (TensorFlow reserves ~2.7 GB), PROCESSES counts threads too.
RESOURCES = {"MEMORY_MB": resource.RLIMIT_AS, "PROCESSES": resource.RLIMIT_NPROC,
             "CPU_SECONDS": resource.RLIMIT_CPU, "FILE_MB": resource.RLIMIT_FSIZE}
SCRATCH = "/tmp/scratch"  # the kernel's HOME and TMPDIR, on a private tmpfs
SYSTEM_DIRS = ["/usr", "/etc", "/bin", "/lib", "/lib64", "/sbin"]
# New network, process, IPC and host-name namespaces for every kernel. Without root, also a
# user namespace (``namespaces()``), in which the process limit is counted.
NAMESPACES = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
              "--unshare-cgroup-try"]
NPROC_PER_USER_NAMESPACE = (5, 15)  # the first Linux counting RLIMIT_NPROC per user namespace
# The first program inside the sandbox. It sets the umask, drops to the kernel's uid (root
# only: "-" keeps the grading user), applies the limits and runs the kernel (with -P: nothing
# in the working folder is importable). The limits are
# set here, inside the namespaces, not on bwrap: without root, an RLIMIT_NPROC set on bwrap
# would be checked against all of the grading user's processes (the namespace's creator's),
# which would cap the grader and every sandbox together instead of each sandbox.
STAGE2 = """\
import os, resource, sys
umask, uid, *rest = sys.argv[1:]
cut = rest.index("--")
os.umask(int(umask, 8))
if uid != "-":
    os.setgroups([]); os.setgid(int(uid)); os.setuid(int(uid))
for limit in rest[:cut]:
    res, value = (int(part) for part in limit.split("="))
    hard = resource.getrlimit(res)[1]
    if hard != resource.RLIM_INFINITY:  # never above what the grader itself may use
        value = min(value, hard)
    resource.setrlimit(res, (value, value))
os.execv(rest[cut + 1], rest[cut + 1:])
"""
# What of a submission's folder reaches the student kernel: data files, never code or config.
DATA_SUFFIXES = {".csv", ".tsv", ".txt", ".json", ".npy", ".npz", ".png", ".jpg", ".jpeg", ".gif", ".md"}
ROLES = ("student", "grader")


def uid_per_kernel() -> bool:
    """True when grading as root: each kernel then runs as its own uid. Otherwise each kernel
    runs as the grading user, in its own user namespace (see the module docstring)."""
    return os.geteuid() == 0


def folder_mode(as_root: int) -> int:
    """Permissions for a folder that both kernels of a notebook use (sockets, the exchange):
    ``as_root`` when they run as different uids, else private to the grading user."""
    return as_root if uid_per_kernel() else 0o700


def kernel_umask(role: str) -> str:
    """The kernel's umask. As root, the kernels run as different uids: the student kernel's
    sockets and replies must be usable by the grader kernel (000), the grader's requests
    readable by the student kernel (022). Without root they share the grading user's uid and
    nobody else needs their files (077)."""
    if not uid_per_kernel():
        return "077"
    return "000" if role == "student" else "022"


def kernel_uid() -> int | None:
    """The uid a new kernel runs as: one of ``SANDBOX_UIDS`` as root, ``None`` (the grading
    user's own) otherwise."""
    return SANDBOX_UIDS[os.getpid() % len(SANDBOX_UIDS)] if uid_per_kernel() else None


def limits() -> dict:
    """``{resource: value}`` of the sandbox limits (``RNNCOURSE_SANDBOX_<NAME>``, defaults in
    ``settings.SANDBOX_LIMITS``); no other setting is read, so none can stop a kernel."""
    return {RESOURCES[name]: value * 1024 * 1024 if name.endswith("_MB") else value
            for name, value in sandbox_limits().items()}


def inside(argv: list[str], umask: str, uid: int | None) -> list[str]:
    """The command bwrap runs: ``STAGE2`` with ``umask``, ``uid`` (``None``: stay the grading
    user) and ``limits()`` (no core dumps), then ``argv`` (``argv[0]`` an absolute path)."""
    rlimits = {**limits(), resource.RLIMIT_CORE: 0}
    return [sys.executable, "-c", STAGE2, umask, "-" if uid is None else str(uid),
            *[f"{res}={value}" for res, value in rlimits.items()], "--", *argv]


def namespaces() -> list[str]:
    """bwrap's namespace options: ``NAMESPACES``, and without root a user namespace of the
    kernel's own, in which no further user namespace may be made (where bwrap can say so)."""
    if uid_per_kernel():
        return list(NAMESPACES)
    no_nesting = ["--disable-userns"] if _bwrap_has(shutil.which("bwrap"), "--disable-userns") else []
    return [*NAMESPACES, "--unshare-user", *no_nesting]


@functools.lru_cache(maxsize=None)
def _bwrap_has(bwrap: str | None, option: str) -> bool:
    """Whether ``bwrap`` knows ``option`` (``--disable-userns``: bubblewrap 0.8 and later)."""
    if not bwrap:
        return False
    out = subprocess.run([bwrap, "--help"], capture_output=True, text=True)
    return option in out.stdout + out.stderr


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
    args = [bwrap, *namespaces(), "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/run"]
    for path in SYSTEM_DIRS:
        _bind_tree(path, args)
    prefixes = {os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)}
    prefixes = sorted(p for p in prefixes
                      if not any(p.startswith(q + "/") for q in prefixes | set(SYSTEM_DIRS)))
    library = course_library()
    binds = [*prefixes, library, workdir, sockets, *read_only, *writable]
    for target in sorted(_ancestors(binds)):
        args += ["--perms", "0755", "--dir", target]  # bwrap would make them 0700
    for prefix in prefixes:
        args += ["--ro-bind", prefix, prefix]
    args += ["--ro-bind", library, library,
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


def course_library() -> str:
    """The folder the grading Python imports ``rnncourse`` from, bound read-only into the
    sandbox: where ``pip install -e .`` pointed (this checkout's ``lib/``, or another
    checkout's if the venv was made there), else this checkout's ``lib/``."""
    spec = importlib.util.find_spec("rnncourse")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return str(Path(locations[0]).resolve().parent) if locations else str(LIB)


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
    uid = kernel_uid()
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
        if uid is not None:  # root: the kernel's own uid must reach and write its folders
            for path in owned:
                os.chown(path, uid, uid)
            os.chmod(tmp, 0o711)
            os.chown(sockets, uid, uid)
        kernel = [sys.executable, "-P", "-m", "ipykernel_launcher", "-f", str(conn)]
        args = bwrap_command(inside(kernel, kernel_umask(role), uid), workdir, str(scratch), sockets,
                             str(home), read_only=tuple(read_only), writable=tuple(writable), env=env)
        if binds:
            cut = args.index("--chdir")
            args[cut:cut] = ["--dir", "/rnncourse", *binds]
        proc = subprocess.Popen(args)
        try:
            return proc.wait()
        except KeyboardInterrupt:  # an interrupt meant for the kernel: pass it on
            proc.send_signal(2)
            return proc.wait()


KERNEL_NAME = "rnncourse-sandbox"


def install_kernelspec(base: str | None = None) -> tuple[str, str]:
    """Write the sandbox kernelspec and make a socket folder, both in fresh folders under
    ``base`` (default: the temp folder).

    Returns ``(jupyter_path_dir, socket_prefix)``: put the first on ``JUPYTER_PATH`` and use
    the second as ``KernelManager.ip`` with ``KernelManager.transport = "ipc"``.
    """
    data = tempfile.mkdtemp(prefix="rnncourse-kernels-", dir=base)
    spec = Path(data) / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["python", str(Path(__file__).resolve()), "-f", "{connection_file}"],
        "display_name": "Python 3 (rnncourse grading sandbox)",
        "language": "python",
        "interrupt_mode": "message",
    }, indent=1))
    sockets = tempfile.mkdtemp(prefix="rnncourse-ipc-", dir=base)
    os.chmod(sockets, folder_mode(0o755))
    return data, os.path.join(sockets, "kernel")


READY = "RNNCOURSE_SANDBOX_READY"  # set by prepare(): the checked sandbox's kernelspec


def prepare(base: str | None = None) -> dict[str, str]:
    """Check the sandbox and write its kernelspec once for many nbgrader runs (a Dask worker
    grading one student after another): ``{READY: ...}`` for their environment, so that
    ``configure_kernels`` in each skips both. ``{}`` if the sandbox cannot start here (each run
    then refuses, saying why)."""
    if check():
        return {}
    return {READY: json.dumps(install_kernelspec(base))}


def configure_kernels(c, settings: Settings) -> None:
    """The kernels' part of nbgrader's config (``c``).

    The same submission always gets the same score: a student's code whose result depends on
    set or dict order of strings (``list(set(text))``) must not pass or fail by the hash seed,
    so kernels get PYTHONHASHSEED=0 unless it is set. For ``nbgrader autograde``, kernels start
    in the sandbox: checked and installed here unless ``prepare()`` did it for this run;
    refused, with the reason and the fix, if it cannot start."""
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if sys.argv[1:2] != ["autograde"]:
        return
    if settings.unsandboxed:
        print("rnncourse: grading WITHOUT the sandbox (RNNCOURSE_UNSANDBOXED=1)", file=sys.stderr)
        return
    if os.environ.get(READY):
        kernels, sockets = json.loads(os.environ[READY])
    else:
        reason = check()
        if reason:
            raise SystemExit(refusal(reason))
        kernels, sockets = install_kernelspec()
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [kernels] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    c.ResilientExecute.kernel_name = KERNEL_NAME
    c.KernelManager.transport = "ipc"
    c.KernelManager.ip = sockets


# sysctls that forbid unprivileged user namespaces, with the value that forbids them
USERNS_SWITCHES = {"user.max_user_namespaces": 0, "kernel.unprivileged_userns_clone": 0,
                   "kernel.apparmor_restrict_unprivileged_userns": 1}
UNSANDBOXED_HINT = ("Or, knowing that student code then runs with your rights (it can read the "
                    "hidden tests and the gradebook):\n  make autograde UNSANDBOXED=1   "
                    "(RNNCOURSE_UNSANDBOXED=1 for nbgrader itself)")


def check() -> str | None:
    """``None`` if the sandbox can start here, else why not and how to fix it (several lines).

    Starts a trivial sandbox with the namespaces grading uses (tens of milliseconds), so that
    "bwrap is installed but user namespaces are disabled" is found before anyone is graded."""
    if sys.platform != "linux":
        return (f"the grading sandbox needs Linux (bubblewrap); this is {sys.platform}.\n"
                "Fix: grade on a Linux machine (a virtual machine or container will do).")
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return ("bubblewrap (bwrap) is not installed.\n"
                "Fix: sudo apt-get install bubblewrap   (Fedora: sudo dnf install bubblewrap)")
    if not uid_per_kernel() and _kernel_version() < NPROC_PER_USER_NAMESPACE:
        return (f"Linux {platform.release()} counts RLIMIT_NPROC per user, not per user namespace "
                "(Linux 5.15 and later do): without root, a fork bomb in one sandbox would starve "
                "the grader and the other sandboxes.\n"
                "Fix: grade as root (each kernel then runs as its own uid) or on Linux 5.15 or later.")
    probe = [bwrap, *namespaces(), "--die-with-parent", "--ro-bind", "/", "/",
             "--proc", "/proc", "--dev", "/dev", "true"]
    proc = subprocess.run(probe, capture_output=True, text=True)
    if proc.returncode == 0:
        return None
    error = proc.stderr.strip()[:300] or f"exit code {proc.returncode}"
    if uid_per_kernel():
        return (f"bubblewrap cannot create namespaces here: {error}.\n"
                "Fix: in a container, allow it to create namespaces (docker run "
                "--security-opt seccomp=unconfined --cap-add SYS_ADMIN, or a privileged container).")
    blockers = [f"{name} = {value}" for name, value in USERNS_SWITCHES.items() if _sysctl(name) == value]
    return (f"bubblewrap cannot create a user namespace as {_user()}: {error}"
            f"{' (' + ', '.join(blockers) + ')' if blockers else ''}.\n"
            "Fix (one of): allow unprivileged user namespaces,\n"
            "  sudo sysctl -w user.max_user_namespaces=15000\n"
            "  sudo sysctl -w kernel.unprivileged_userns_clone=1              (Debian, older Ubuntu)\n"
            "  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0  (Ubuntu 24.04 and later)\n"
            "(in /etc/sysctl.d/ to keep them); or grade as root (no user namespace needed).")


def refusal(reason: str) -> str:
    """What grading prints, once, when ``check()`` found that the sandbox cannot start."""
    return (f"rnncourse: refusing to autograde: the grading sandbox cannot start.\n"
            f"Why: {reason}\n{UNSANDBOXED_HINT}")


def _kernel_version() -> tuple[int, int]:
    """(major, minor) of the running Linux kernel, e.g. (6, 1) for "6.1.0-18-amd64"."""
    parts = platform.release().split(".")
    try:
        return int(parts[0]), int("".join(c for c in parts[1] if c.isdigit()) or 0)
    except (IndexError, ValueError):
        return (0, 0)


def _sysctl(name: str) -> int | None:
    """The value of sysctl ``name`` (e.g. "user.max_user_namespaces"), None if there is none."""
    try:
        return int(Path("/proc/sys", *name.split(".")).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _user() -> str:
    try:
        import pwd
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return f"uid {os.geteuid()}"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "-f":
        sys.exit(launch(sys.argv[2]))
    if sys.argv[1:] == ["--check"]:
        reason = check()
        print(reason or "sandbox OK")
        sys.exit(1 if reason else 0)
    print(__doc__)
    sys.exit(2)
