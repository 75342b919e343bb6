"""Class-scale grading: plain sequential nbgrader against grading on a local Dask cluster.

Builds ``--submissions`` (default 40) submissions of one light numpy assignment: correct
ones, partly wrong ones (wrong implementations from autograde/tests/mutants/), blank
releases and broken files (invalid JSON, empty). They are graded twice, each time in a
fresh course root with its own gradebook:

- sequential  ``nbgrader autograde <a> --force --create``: one process, one student after
              the other (what nbgrader does out of the box);
- dask        ``grading.instructor.cluster.coordinator.grade_all``: what ``make autograde`` runs, a
              local Dask cluster of ``--workers`` single-threaded worker processes (default
              one per core), one task per submission; its start-up and the assignment's
              bundle are inside the time.

Both must give exactly the same score for every student and test cell (exit code 1
otherwise; PYTHONHASHSEED is fixed for both, as one wrong implementation depends on the
order of a set). Printed: seconds, seconds per submission, the throughput ratio (target
>= 1.7 on 2 cores), how many cores each mode kept busy (at equal work per submission no
ratio can pass cores / what sequential nbgrader keeps busy), whether the scores are identical, the floor (a kernel starting and
importing numpy: a one-cell notebook run by nbconvert), nbgrader's own start-up, and what a
warm worker saves per task (an nbgrader forked from the worker's fork server against a
fresh ``nbgrader`` process).
``--split`` also times N plain nbgrader runs at once, each on a share of the class in its
own root: the ceiling this machine allows any parallel grading.

    python autograde/grading/authoring/bench_parallel.py [--submissions 40] [--workers N] [--repeat 2] [--split]
        [--assignment 01_sequential_data] [--min-ratio 1.7] [--json out.json] [--keep]

On a shared machine use ``--repeat 2`` or more: the modes alternate and the best run of
each is compared, so that other work weighs on both alike.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # autograde/, for `grading`

from grading import AUTOGRADE, MUTANTS  # noqa: E402
from grading.authoring.kernel import mutants_of  # noqa: E402
from grading.authoring.measure import busy_cpu_seconds, measure  # noqa: E402
from grading.authoring.scratch import ScratchCourse  # noqa: E402
from grading.instructor import nbgrader_run  # noqa: E402
from grading.instructor.cluster import forkserver  # noqa: E402
from grading.settings import Settings, cores  # noqa: E402

ASSIGNMENT = "01_sequential_data"
TARGET_RATIO = 1.7
BROKEN = {"invalid-json": '{"cells": [{"cell_type": "code", "source": ', "empty": ""}


def submission_kinds(n: int) -> list[str]:
    """A fixed mix for ``n`` students: per 10, 4 correct, 4 partly wrong, 1 blank, 1 broken."""
    pattern = ["correct", "wrong", "correct", "wrong", "correct", "wrong", "blank",
               "correct", "wrong", "broken"]
    return [pattern[i % len(pattern)] for i in range(n)]


def build_submissions(course: ScratchCourse, n: int) -> dict[str, object]:
    """``{student: notebook or raw text}``; wrong ones get one or two mutants each."""
    mutants = mutants_of(MUTANTS / course.assignment)
    out, wrong, broken = {}, 0, 0
    for i, kind in enumerate(submission_kinds(n)):
        student = f"s{i:03d}-{kind}"
        if kind == "correct":
            out[student] = course.filled()
        elif kind == "blank":
            out[student] = course.blank()
        elif kind == "broken":
            out[student] = list(BROKEN.values())[broken % len(BROKEN)]
            broken += 1
        else:
            picks = [mutants[(3 * wrong) % len(mutants)]]
            if wrong % 2:  # every other one gets a second, different exercise wrong too
                other = [m for m in mutants if m.exercise != picks[0].exercise]
                picks.append(other[(5 * wrong) % len(other)])
            out[student] = course.filled({m.exercise: m.source for m in picks})
            wrong += 1
    return out


def floor_seconds(folder: Path, repeat: int = 3) -> float:
    """Median seconds of nbconvert executing ``setup(); import numpy`` (a kernel's floor)."""
    import nbformat
    source = "from rnncourse.notebook import setup\nsetup(seed=0)\nimport numpy"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, str(path))
    cmd = [str(nbgrader_run.BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
           "--stdout", str(path)]
    runs = [measure(cmd, env=nbgrader_run.nbgrader_env(), cwd=str(folder))["seconds"]
            for _ in range(repeat)]
    return statistics.median(runs)


def nbgrader_startup_seconds(assignment: str, root: Path) -> float:
    """Seconds of an ``nbgrader autograde`` that finds nothing to grade: import, config,
    sandbox check; what every per-student process pays on top of the grading itself."""
    start = time.perf_counter()
    nbgrader_run.nbgrader("autograde", assignment, "--force", "--student=nobody-at-all",
                          root=root, check=False)
    return time.perf_counter() - start


def prepare(assignment: str, folder: Path, notebooks: dict | None = None,
            n: int = 40) -> tuple[ScratchCourse, dict]:
    """A scratch course in ``folder`` holding ``notebooks`` (default: ``n`` built ones)."""
    course = ScratchCourse(assignment, folder)
    notebooks = notebooks or build_submissions(course, n)
    for student, nb in notebooks.items():
        course.submit(student, nb)
    return course, notebooks


def run_sequential(course: ScratchCourse) -> float:
    """Seconds of plain ``nbgrader autograde --create`` (it creates students and submissions)."""
    start = time.perf_counter()
    course.grade(check=False)  # broken submissions make nbgrader exit 1
    return time.perf_counter() - start


def run_dask(course: ScratchCourse, workers: int):
    """Seconds (cluster start-up, students and bundle included) and results of grading on
    a local Dask cluster, as ``make autograde`` does."""
    start = time.perf_counter()
    results = course.grade_in_parallel(workers=workers)
    return time.perf_counter() - start, results


def warm_saving_seconds(assignment: str, root: Path, repeat: int = 3) -> dict:
    """Median seconds of an ``nbgrader autograde`` that finds nothing to grade, started
    afresh and forked from a warm fork server: the difference is what a warm Dask worker
    saves on every task."""
    argv = ["autograde", assignment, "--force", "--student=nobody-at-all"]
    env = nbgrader_run.nbgrader_env(root)
    server = forkserver.ForkServer(nbgrader_run.nbgrader_env())
    try:
        server.run(["--version"], env)  # wait for the server's imports
        times = {"fresh": [], "forked": []}
        for _ in range(repeat):
            for mode, run in (("fresh", forkserver.run_plain), ("forked", server.run)):
                start = time.perf_counter()
                run(argv, env)
                times[mode].append(time.perf_counter() - start)
    finally:
        server.close()
    return {mode: statistics.median(t) for mode, t in times.items()}


def differences(a: dict, b: dict) -> list[str]:
    """Where two ``{student: {grade_id: score}}`` tables disagree."""
    out = []
    for student in sorted(set(a) | set(b)):
        x, y = a.get(student), b.get(student)
        if x != y:
            cells = sorted(g for g in set(x or {}) | set(y or {}) if (x or {}).get(g) != (y or {}).get(g))
            out.append(f"{student}: " + ", ".join(
                f"{g} {(x or {}).get(g)} vs {(y or {}).get(g)}" for g in cells[:5]))
    return out


def run_split(assignment: str, tmp: Path, notebooks: dict, workers: int) -> float:
    """Seconds for ``workers`` plain sequential nbgrader runs at once, each on its share of
    the class in its own course root: what this machine allows without per-student
    processes (the ceiling of any parallel grading here)."""
    students = sorted(notebooks)
    procs = []
    shares = [prepare(assignment, tmp / f"split{w}", {s: notebooks[s] for s in students[w::workers]})[0]
              for w in range(workers)]
    start = time.perf_counter()
    for share in shares:
        procs.append(subprocess.Popen(
            [str(nbgrader_run.BIN / "nbgrader"), "autograde", assignment, "--force", "--create"],
            cwd=AUTOGRADE, env=nbgrader_run.nbgrader_env(share.root),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


def timed_rounds(sequential: ScratchCourse, dask: ScratchCourse, workers: int, repeat: int) -> dict:
    """Grade ``repeat`` times in each mode, alternating which goes first (other work on the
    machine then weighs on both alike); each run regrades with ``--force``. Per mode: a
    list of ``{"seconds", "load"}`` runs; plus the Dask results and any score mismatch."""
    runs = {"sequential": [], "dask": []}
    out = {"results": None, "diff": []}
    for r in range(repeat):
        for mode in (("sequential", "dask") if r % 2 == 0 else ("dask", "sequential")):
            load, busy = os.getloadavg()[0], busy_cpu_seconds()
            print(f"round {r + 1}/{repeat}: {mode} ...", flush=True)
            if mode == "sequential":
                seconds = run_sequential(sequential)
            else:
                seconds, out["results"] = run_dask(dask, workers)
            cores_busy = None if busy is None else round((busy_cpu_seconds() - busy) / seconds, 2)
            runs[mode].append({"seconds": round(seconds, 2), "load": round(load, 2), "cores_busy": cores_busy})
            print(f"  {seconds:.1f} s, {cores_busy} cores busy on average "
                  f"(load average {load:.2f} before)", flush=True)
        out["diff"] += differences(sequential.scores(), dask.scores())
    return {**out, "runs": runs}


def report(n: int, workers: int, runs: dict, floor: float, startup: float, warm: dict,
           results, same: bool) -> dict:
    """Print the comparison (best run of each mode) and return it as numbers."""
    seq_s = min(r["seconds"] for r in runs["sequential"])
    dask_s = min(r["seconds"] for r in runs["dask"])
    ratio = seq_s / dask_s
    per_task = statistics.mean(r.seconds for r in results)
    print(f"\n{'grading':<12}{'workers':>8}{'seconds':>10}{'s/subm':>9}   all runs (s)")
    for name, w, s in (("sequential", 1, seq_s), ("dask", workers, dask_s)):
        every = ", ".join(f"{r['seconds']:.1f}" for r in runs[name])
        print(f"{name:<12}{w:>8}{s:>10.1f}{s / n:>9.2f}   {every}")
    print(f"throughput ratio dask/sequential: {ratio:.2f}x "
          f"(target >= {TARGET_RATIO}x on 2 cores: {'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    best = min(runs["sequential"], key=lambda r: r["seconds"])
    if best.get("cores_busy"):
        # a bound at equal work per submission; only an engine doing less per task (warmer
        # kernels, say) could pass it
        print(f"sequential nbgrader alone kept {best['cores_busy']:.2f} cores busy: on {cores()} cores "
              f"with the same work per submission no engine can be more than "
              f"{cores() / best['cores_busy']:.2f}x faster")
    print(f"scores identical: {'yes' if same else 'NO'}")
    saving = warm["fresh"] - warm["forked"]
    print(f"warm worker: an nbgrader that grades nothing takes {warm['fresh']:.2f} s started afresh, "
          f"{warm['forked']:.2f} s forked from the worker's fork server: {saving:.2f} s saved per task")
    print(f"seconds per submission: floor (kernel start + setup() + numpy, one nbconvert run) "
          f"{floor:.2f}; nbgrader start-up {startup:.2f}; one task on a worker {per_task:.2f}")
    loads = [r["load"] for mode in runs.values() for r in mode]
    print(f"cores: {cores()}; load average at the start of the runs: "
          f"{min(loads):.2f}-{max(loads):.2f} (anything above 0 is other work slowing the runs)")
    return {"submissions": n, "workers": workers, "sequential_s": seq_s, "dask_s": dask_s,
            "ratio": round(ratio, 3), "same_scores": same, "floor_s": floor,
            "nbgrader_startup_s": round(startup, 2), "warm_fresh_s": round(warm["fresh"], 2),
            "warm_forked_s": round(warm["forked"], 2), "warm_saving_s": round(saving, 2),
            "per_task_s": round(per_task, 2), "runs": runs, "failed": sum(not r.ok for r in results)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default=ASSIGNMENT)
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=None, help="default: one per core")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each mode, alternating; the best of each is compared")
    parser.add_argument("--split", action="store_true",
                        help="also time N plain nbgrader runs at once on N shares of the class "
                             "(the machine's ceiling for parallel grading)")
    parser.add_argument("--min-ratio", type=float, default=0.0,
                        help="exit 1 if the throughput ratio is below this (default: report only)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch course roots")
    args = parser.parse_args(argv)
    workers = args.workers or Settings.from_env().workers
    # Some wrong submissions (build_vocab__unsorted_set) pass or fail by the order of a set
    # of strings, i.e. by the kernel's hash seed: fix it so that both runs can agree.
    os.environ.setdefault("PYTHONHASHSEED", "0")
    tmp = Path(tempfile.mkdtemp(prefix="rnncourse-benchpar-"))
    try:
        a = args.assignment
        sequential, notebooks = prepare(a, tmp / "sequential", n=args.submissions)
        dask, _ = prepare(a, tmp / "dask", notebooks)
        kinds = {k: sum(s.endswith(k) for s in notebooks) for k in ("correct", "wrong", "blank", "broken")}
        print(f"{a}: {len(notebooks)} submissions {kinds}, {workers} worker(s); scratch {tmp}", flush=True)
        floor = floor_seconds(tmp)
        startup = nbgrader_startup_seconds(a, sequential.root)
        warm = warm_saving_seconds(a, sequential.root)
        timed = timed_rounds(sequential, dask, workers, max(1, args.repeat))
        numbers = report(len(notebooks), workers, timed["runs"], floor, startup, warm,
                         timed["results"], not timed["diff"])
        if args.split:
            load = os.getloadavg()[0]
            split_s = run_split(a, tmp, notebooks, workers)
            numbers["split_s"] = round(split_s, 2)
            print(f"ceiling: {workers} plain nbgrader runs at once on shares of the class: "
                  f"{split_s:.1f} s, {numbers['sequential_s'] / split_s:.2f}x the sequential run "
                  f"(load average {load:.2f} before)")
        if timed["diff"]:
            print("scores DIFFER:\n  " + "\n  ".join(timed["diff"]))
        if args.json:
            args.json.write_text(json.dumps(numbers, indent=1))
        return 1 if timed["diff"] or numbers["ratio"] < args.min_ratio else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
