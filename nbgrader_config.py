"""nbgrader settings for the student's Validate button.

`make lab` starts JupyterLab from this folder, and nbgrader's Validate reads its
configuration from the server's working directory. Validate runs the notebook as grading
does (``NBGRADER_EXECUTION=validate``), so training cells use their graded budgets; the
per-cell timeout matches the grader's (autograde/nbgrader_config.py) instead of nbgrader's
default of 30 s, which a slow laptop could exceed. Grading itself uses autograde/.
"""
c = get_config()  # noqa: F821 - provided by nbgrader
c.Execute.timeout = 240
