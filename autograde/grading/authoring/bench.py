"""`make bench`: seconds and peak memory per notebook and per graded submission.

For every assignment it measures, each in a fresh process tree:

- floor      a kernel that runs only the setup cell and the notebook's heavy imports
             (numpy; TensorFlow/Keras where the notebook uses it): the cost of any run;
- student    the solution executed as a student runs it in JupyterLab (budget 3 min);
- graded     the solution executed with NBGRADER_EXECUTION=autograde (what nbgrader runs);
- autograde 1k  the real `nbgrader autograde` of one solution-filled submission graded in one
             kernel, as before the grader kernel existed (RNNCOURSE_TWO_KERNELS=0);
- autograde 2k  the same with test cells in a grader kernel apart from the student's code
             (the default; budget 60 s, and at most 1.3 x the one-kernel time plus the floor).

Memory is the peak resident set of the process tree (budget 2 GB). Then, if present, the
notes-vs-course comparisons in autograde/notes_comparison/ are run and printed.

    python autograde/grading/authoring/bench.py [--only 02_rnn_forward ...] [--skip-student] [--skip-notes]
                              [--autograde-only]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # autograde/, for `grading`

from grading import AUTOGRADE, SOLUTIONS, assignments  # noqa: E402
from grading.instructor import nbgrader_run  # noqa: E402
from grading.authoring.measure import measure  # noqa: E402
from grading.authoring.scratch import ScratchCourse  # noqa: E402

BIN = Path(sys.executable).parent
BUDGET = {"graded_s": 60.0, "student_s": 180.0, "peak_mb": 2048}


def uses_keras(assignment: str) -> bool:
    return "load_keras" in (SOLUTIONS / assignment / f"{assignment}.ipynb").read_text()


def floor_notebook(assignment: str, folder: Path) -> Path:
    import nbformat
    cells = ["from rnncourse.notebook import setup\nsetup(seed=0)\nimport numpy as np"]
    if uses_keras(assignment):
        cells.append("from rnncourse.keras_glue import load_keras\nkeras = load_keras(seed=0)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / f"floor_{assignment}.ipynb"
    nbformat.write(nb, str(path))
    return path


def execute(path: Path, graded: bool) -> dict:
    env = nbgrader_run.nbgrader_env()
    if graded:
        env["NBGRADER_EXECUTION"] = "autograde"
    cmd = [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--stdout",
           "--ExecutePreprocessor.timeout=600", str(path)]
    return measure(cmd, env=env, cwd=str(path.parent))


def autograde_one(assignment: str, folder: Path, two_kernels: bool = True) -> dict:
    """One real ``nbgrader autograde`` of the solution-filled release; ``two_kernels=False``
    grades the way it was done before the grader kernel (one kernel, for comparison)."""
    course = ScratchCourse(assignment, folder)
    course.submit("bench", course.filled())
    cmd = [str(BIN / "nbgrader"), "autograde", assignment, "--force", "--create"]
    env = nbgrader_run.nbgrader_env(course.root)
    env["RNNCOURSE_TWO_KERNELS"] = "1" if two_kernels else "0"
    result = measure(cmd, env=env, cwd=str(AUTOGRADE))
    scores = course.scores().get("bench", {})
    result["score"] = sum(scores.values())
    return result


def fmt(m: dict | None) -> str:
    if not m:
        return f"{'-':>8} {'-':>7}"
    flag = "" if m.get("returncode", 0) == 0 else "!"
    return f"{m['seconds']:>7.1f}{flag or 's'} {m['peak_mb']:>6}M"


def run_notes(rows_out: list) -> None:
    folder = AUTOGRADE / "notes_comparison"
    for script in sorted(folder.glob("*.py")) if folder.exists() else []:
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "run"):
            for row in module.run():
                rows_out.append({"comparison": script.stem, **row})


def main() -> int:
    parser = argparse.ArgumentParser(description="seconds and peak memory per notebook")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--skip-student", action="store_true")
    parser.add_argument("--skip-notes", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--autograde-only", action="store_true",
                        help="only the floor and the two autograde columns")
    args = parser.parse_args()
    names = args.only or assignments()

    results = {}
    header = (f"{'notebook':<22}{'floor':>16}{'student':>16}{'graded':>16}{'autograde 1k':>16}"
              f"{'autograde 2k':>16}{'score':>7}  within budget")
    print(header)
    print("-" * len(header))
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            row = {"floor": execute(floor_notebook(name, tmp), graded=False)}
            path = SOLUTIONS / name / f"{name}.ipynb"
            quick = args.skip_student or args.autograde_only
            row["student"] = None if quick else execute(path, graded=False)
            row["graded"] = None if args.autograde_only else execute(path, graded=True)
            row["autograde_one_kernel"] = autograde_one(name, tmp / "ag1", two_kernels=False)
            row["autograde"] = autograde_one(name, tmp / "ag2")
        peak = max(m["peak_mb"] for m in row.values() if m)
        # The grader kernel may cost at most 1.3x one-kernel grading plus one more kernel start.
        allowed = 1.3 * row["autograde_one_kernel"]["seconds"] + row["floor"]["seconds"]
        ok = (row["autograde"]["seconds"] <= BUDGET["graded_s"] and peak <= BUDGET["peak_mb"]
              and row["autograde"]["seconds"] <= allowed
              and (row["student"] is None or row["student"]["seconds"] <= BUDGET["student_s"]))
        results[name] = row
        print(f"{name:<22}{fmt(row['floor']):>16}{fmt(row['student']):>16}{fmt(row['graded']):>16}"
              f"{fmt(row['autograde_one_kernel']):>16}{fmt(row['autograde']):>16}"
              f"{row['autograde']['score']:>7g}  {'yes' if ok else 'NO'}", flush=True)
    print(f"budgets: autograde <= {BUDGET['graded_s']:.0f} s, student <= {BUDGET['student_s']:.0f} s, "
          f"peak <= {BUDGET['peak_mb']} MB per notebook; two kernels <= 1.3 x one kernel + floor; 2 cores")

    notes: list = []
    if not args.skip_notes:
        run_notes(notes)
        if notes:
            print("\nThe lecture notes' code against the course's, same data")
            print(f"{'comparison':<14}{'model':<44}{'seconds':>9}  metric")
            for r in notes:
                print(f"{r['comparison']:<14}{r['model'][:43]:<44}{r['seconds']:>8.1f}s  "
                      f"{r['metric']} = {r['value']:.4g}")
    if args.json:
        args.json.write_text(json.dumps({"notebooks": results, "notes": notes}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
