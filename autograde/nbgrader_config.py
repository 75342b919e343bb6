"""nbgrader configuration of rnncourse.

The course root is this folder (``autograde/``); the instructor sources live in
``../solutions`` and the student release in ``../course`` so that the repository's top
level reads as the course itself. Runtime folders (``submitted/``, ``autograded/``,
``feedback/``, ``gradebook.db``) are created here and git-ignored.
"""
import os

c = get_config()  # noqa: F821 - provided by nbgrader

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = os.environ.get("RNNCOURSE_GRADING_ROOT", HERE)
c.CourseDirectory.course_id = "rnncourse"
c.CourseDirectory.source_directory = os.path.join(os.path.dirname(HERE), "solutions")
c.CourseDirectory.release_directory = os.environ.get(
    "RNNCOURSE_RELEASE_DIR", os.path.join(os.path.dirname(HERE), "course"))
c.CourseDirectory.db_url = os.environ.get(
    "RNNCOURSE_DB_URL", "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db"))

# The eight assignments, in order; `make release` (nbgrader generate_assignment) registers them.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.egg-info"]

# Training cells may take longer than nbgrader's default of 30 s per cell; a whole notebook
# must still finish within the spec's 60 s budget (checked by `make bench`).
c.ExecutePreprocessor.timeout = 240
c.ExecutePreprocessor.interrupt_on_timeout = True

# A student who deletes a test cell gets it back from the source at grading time.
c.OverwriteCells.add_missing_cells = True
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

