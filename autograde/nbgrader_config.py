"""nbgrader configuration of rnncourse.

The course root is this folder (``autograde/``); the instructor sources live in
``../solutions`` and the student release in ``../course`` so that the repository's top
level reads as the course itself. Runtime folders (``submitted/``, ``autograded/``,
``feedback/``, ``gradebook.db``) are created here and git-ignored.

Student code runs in a sandboxed kernel while autograding (see ``grading/sandbox.py``).
Where the sandbox cannot start, ``nbgrader autograde`` refuses unless the instructor sets
``RNNCOURSE_UNSANDBOXED=1`` (``make autograde UNSANDBOXED=1``).
"""
import os
import sys

c = get_config()  # noqa: F821 - provided by nbgrader

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

c.CourseDirectory.root = os.environ.get("RNNCOURSE_GRADING_ROOT", HERE)
c.CourseDirectory.course_id = "rnncourse"
# A Dask worker grades in a scratch course root of its own, with the assignment's source
# files shipped to it (grading/cluster/worker.py): RNNCOURSE_SOURCE_DIR points there.
c.CourseDirectory.source_directory = os.environ.get(
    "RNNCOURSE_SOURCE_DIR", os.path.join(os.path.dirname(HERE), "solutions"))
c.CourseDirectory.release_directory = os.environ.get(
    "RNNCOURSE_RELEASE_DIR", os.path.join(os.path.dirname(HERE), "course"))
from grading.nbgrader_run import with_driver  # noqa: E402

# RNNCOURSE_DB_URL selects another gradebook, e.g. a PostgreSQL server (README, "Grading a
# large class").
c.CourseDirectory.db_url = with_driver(os.environ.get(
    "RNNCOURSE_DB_URL", "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")))
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.egg-info"]

# The same submission always gets the same score: a student's code whose result depends on
# set or dict order of strings (list(set(text))) must not pass or fail by the hash seed.
os.environ.setdefault("PYTHONHASHSEED", "0")

# Training cells may take longer than nbgrader's default of 30 s per cell; a whole notebook
# must still finish within the spec's 60 s budget (checked by `make bench`).
c.ExecutePreprocessor.timeout = int(os.environ.get("RNNCOURSE_CELL_TIMEOUT", 240))
c.ExecutePreprocessor.interrupt_on_timeout = True

# Execution that survives a dying kernel and caps outputs (grading/execute.py).
from grading.all_or_nothing import AllOrNothing  # noqa: E402
from grading.feedback import HideHiddenTests  # noqa: E402
from grading.tamper import RejectTampering  # noqa: E402
from grading.two_kernels import TwoKernelExecute  # noqa: E402
from grading.unknown_cells import ForgetUnknownCells  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, GetGrades, IgnorePattern,
    LimitOutput, OverwriteCells, OverwriteKernelspec, SaveAutoGrades)

# Sanitize: nbgrader's steps, with cells under unknown grade ids made ordinary first (so the
# real test cells are restored), then student cells that tamper with the tests are not run.
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, OverwriteKernelspec, ForgetUnknownCells, OverwriteCells,
    CheckCellMetadata, RejectTampering]

# Execute, then score: a value a test cell displays is never read as partial credit.
c.Autograde.autograde_preprocessors = [
    TwoKernelExecute, AllOrNothing, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
c.Execute.timeout = c.ExecutePreprocessor.timeout
# Student code in one kernel, the tests in another (grading/two_kernels.py).
c.TwoKernelExecute.two_kernels = os.environ.get("RNNCOURSE_TWO_KERNELS", "1") != "0"
# In one kernel, cells that tamper with the tests must not run; in two they cannot reach them.
c.RejectTampering.enforce = not c.TwoKernelExecute.two_kernels
c.Execute.startup_timeout = 180  # a loaded machine starts sandboxed kernels slowly
# After a cell's reply, its last outputs may lag on a loaded machine (nbclient waits 4 s, then
# nbgrader drops the notebook): wait longer; ResilientExecute scores a cell that still lacks
# them as failed.
c.Execute.iopub_timeout = 60

# Feedback shows that hidden tests ran and what failed, never their source.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, HideHiddenTests]

# A student who deletes a test cell gets it back from the source at grading time.
c.OverwriteCells.add_missing_cells = True
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# The grading sandbox, for the commands that execute student code.
if sys.argv[1:2] == ["autograde"]:
    from grading import sandbox

    if os.environ.get("RNNCOURSE_UNSANDBOXED") == "1":
        print("rnncourse: grading WITHOUT the sandbox (RNNCOURSE_UNSANDBOXED=1)", file=sys.stderr)
    else:
        reason = sandbox.check()  # `make autograde` checks once before grading anyone; this
        if reason:                # guards nbgrader run by hand
            raise SystemExit(sandbox.refusal(reason))
        kernels, sockets = sandbox.install_kernelspec()
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            [kernels] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])
        c.ResilientExecute.kernel_name = sandbox.KERNEL_NAME
        c.KernelManager.transport = "ipc"
        c.KernelManager.ip = sockets
