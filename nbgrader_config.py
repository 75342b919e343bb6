"""nbgrader settings for the student's Validate button.

`make lab` starts JupyterLab from this folder, and nbgrader's Validate reads its
configuration from the server's working directory. Validate runs the notebook as grading
does (``NBGRADER_EXECUTION=validate``), so training cells use their graded budgets; the
per-cell timeout matches the grader's (autograde/nbgrader_config.py) instead of nbgrader's
default of 30 s, which a slow laptop could exceed. Grading itself uses autograde/.

Validate's report starts with a summary ("25 of 29 tests fail: q1, chronological_split, ...")
and one short message per failing test: nbgrader has no setting that chooses the Validator
class, so ``use_readable_validator`` puts ``rnncourse.validate.ReadableValidator`` in its place
for the Validate button (this file is executed by the server's handler right before it creates
the Validator) and for ``nbgrader validate`` (see rnncourse/validate.py).
"""
from rnncourse.validate import use_readable_validator

c = get_config()  # noqa: F821 - provided by nbgrader
c.Execute.timeout = 240
use_readable_validator()
