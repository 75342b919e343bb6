"""Run a command; report wall seconds and the peak resident memory of its process tree.

    python -m grading.authoring.measure -- jupyter nbconvert --execute ...   -> {"seconds": .., "peak_mb": ..}

Each measurement runs in a fresh process so that ``RUSAGE_CHILDREN`` (the largest resident
set among the waited-for descendants) belongs to that command alone. A sandboxed grading
kernel is reaped inside its own PID namespace and never reaches that figure, so the tree
is also sampled from ``/proc`` every 0.2 s (the sum of the resident sets of all
descendants); the larger of the two is reported.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _parents() -> dict[int, int]:
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            out[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    return out


def tree_rss_kb(root: int) -> int:
    """Resident memory (KB) of ``root`` and all its descendants, read from /proc."""
    parents = _parents()
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier and pid not in tree]
        tree.update(frontier)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def busy_cpu_seconds() -> float | None:
    """Seconds all cores of this machine have spent busy since boot (user, nice, system,
    irq, softirq; from /proc/stat), or None where that file does not exist. The difference
    over a run, divided by its wall time, is how many cores it kept busy on average (on a
    quiet machine: the run's own work, its sandboxed kernels included)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(x) for x in fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def measure_here(cmd: list[str], env=None, cwd=None) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampled = [0]

    def sample():
        while proc.poll() is None:
            sampled[0] = max(sampled[0], tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    sampler.join()
    seconds = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, sampled[0])
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024), "returncode": proc.returncode,
            "stderr": stderr[-2000:] if proc.returncode else ""}


def measure(cmd: list[str], env=None, cwd=None) -> dict:
    """Measure ``cmd`` from a fresh Python process (see module docstring)."""
    wrapper = [sys.executable, __file__, "--", *cmd]
    proc = subprocess.run(wrapper, env=env, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    print(json.dumps(measure_here(args)))
