"""nbgrader configuration of rnncourse: ``c.X = ...`` lines and the sandbox's one call.

The instructor sources live in ``../solutions`` and the student release in ``../course``, so
that the repository's top level reads as the course itself. Everything grading makes
(``submitted/``, ``autograded/``, ``feedback/``, the gradebook, grades and reports) goes to
the course root, ``../classroom/`` (git-ignored), unless ``RNNCOURSE_GRADING_ROOT`` says otherwise.

Student code runs in a sandboxed kernel while autograding (see ``grading/sandbox.py``).
Where the sandbox cannot start, ``nbgrader autograde`` refuses unless the instructor sets
``RNNCOURSE_UNSANDBOXED=1`` (``make autograde UNSANDBOXED=1``).
"""
import os
import sys

c = get_config()  # noqa: F821 - provided by nbgrader
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grading import sandbox  # noqa: E402
from grading.settings import Settings  # noqa: E402

settings = Settings.from_env()  # every RNNCOURSE_* variable: README, "Grading settings"
c.CourseDirectory.root = str(settings.root)
c.CourseDirectory.course_id = "rnncourse"
c.CourseDirectory.source_directory = str(settings.source_dir)  # a Dask worker ships its own
c.CourseDirectory.release_directory = str(settings.release_dir)
c.CourseDirectory.db_url = settings.db_url
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.egg-info"]

# Training cells may take longer than nbgrader's default of 30 s per cell; a whole notebook
# must still finish within the spec's 60 s budget (checked by `make bench`).
c.ExecutePreprocessor.timeout = settings.cell_timeout
c.ExecutePreprocessor.interrupt_on_timeout = True

# Execution that survives a dying kernel and caps outputs (grading/steps/execute.py).
from grading.steps.all_or_nothing import AllOrNothing  # noqa: E402
from grading.steps.feedback import HideHiddenTests  # noqa: E402
from grading.steps.tamper import RejectTampering  # noqa: E402
from grading.steps.two_kernels import TwoKernelExecute  # noqa: E402
from grading.steps.unknown_cells import ForgetUnknownCells  # noqa: E402
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
# Student code in one kernel, the tests in another (grading/steps/two_kernels.py).
c.TwoKernelExecute.two_kernels = settings.two_kernels
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

# `nbgrader autograde`: every kernel in the sandbox (or a refusal saying why), a fixed hash seed.
sandbox.configure_kernels(c, settings)
