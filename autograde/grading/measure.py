"""Run a command; report wall seconds and the peak resident memory of its process tree.

    python -m grading.measure -- jupyter nbconvert --execute ...   -> {"seconds": .., "peak_mb": ..}

Each measurement runs in a fresh process so that ``RUSAGE_CHILDREN`` (the largest resident
set among the waited-for descendants, kernels included) belongs to that command alone.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def measure_here(cmd: list[str], env=None, cwd=None) -> dict:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024), "returncode": proc.returncode,
            "stderr": proc.stderr[-2000:] if proc.returncode else ""}


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
