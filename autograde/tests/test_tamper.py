"""The sanitize steps that refuse tampering student cells and forget unknown grade ids."""
import copy
import pytest

from grading.steps.tamper import module_names_in, problems

MODULES = {"np", "T", "numpy"}


@pytest.mark.parametrize("source", [
    "np.allclose = lambda *a, **k: True",
    "import numpy.testing\nnumpy.testing.assert_allclose = lambda *a, **k: None",
    "T.assert_close = print",
    "setattr(np, 'allclose', lambda *a, **k: True)",
    "import builtins\nbuiltins.isinstance = lambda *a: True",
    "__builtins__['len'] = lambda x: 0",
    "del np.testing",
    "import sys\nsys.modules['numpy'] = None",
    "exec('np.allclose = 1')",
    "class Liar:\n    def __eq__(self, other):\n        return True",
    "f = make_windows.__globals__",
    "import gc",
    "from ctypes import pythonapi",
    "np.testing.__dict__['assert_allclose'] = None",
    "from rnncourse import testing\ntesting.assert_close = lambda *a, **k: None",
    "from numpy import testing as nt\nnt.assert_allclose, x = None, 1",
])
def test_tampering_answers_are_refused(source):
    assert problems(source, MODULES)


@pytest.mark.parametrize("source", [
    "def make_windows(series, window, horizon=1):\n    X = np.stack([series[i:i + window] for i in range(3)])\n    X[0, 0] = 1.0\n    return X, X[:, -1]",
    "def f(x):\n    out = np.zeros_like(x)\n    out[:, 0] = x[:, 0]\n    return out",
    "import numpy as np\ndef f(x):\n    rng = np.random.default_rng(0)\n    return rng.standard_normal(x.shape)",
    "def build(cell):\n    import keras\n    return getattr(keras.layers, 'LSTM')(4)",
    "class Cell:\n    def __init__(self):\n        self.W = np.ones(3)",
    "def f(x)\n    syntax error is not tampering",
    "def f(x, k):\n    out = np.zeros((len(k), 3))\n    out[np.arange(len(k)), k] = 1\n    return out",
    "a, (b, c) = np.zeros(2), (1, 2)",
])
def test_honest_answers_pass(source):
    assert problems(source, MODULES) == []


def test_module_names_are_read_from_imports():
    assert module_names_in("import numpy as np\nfrom rnncourse import testing as T\nimport os.path") == {"np", "T", "os"}


def _code(source, **nbgrader):
    import nbformat
    cell = nbformat.v4.new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = nbgrader
    return cell


def test_student_added_cells_are_checked_and_instructor_cells_are_not():
    import nbformat
    from grading.steps.tamper import RejectTampering
    nb = nbformat.v4.new_notebook(cells=[
        _code("import numpy as np", locked=True, grade_id="setup"),
        _code("np.testing.assert_allclose = print"),                      # added by the student
        _code("def f(x):\n    return x", solution=True, grade=False, grade_id="f"),
        _code("np.testing.assert_allclose(f(1), 1)", grade=True, locked=True, grade_id="test_f")])
    out, _ = RejectTampering(enforce=True).preprocess(copy.deepcopy(nb), {})
    assert out.cells[1].source.startswith("raise RuntimeError")
    assert [c.source for c in out.cells[2:]] == ["def f(x):\n    return x", "np.testing.assert_allclose(f(1), 1)"]


def test_graded_in_two_kernels_tampering_is_explained_and_still_runs():
    import nbformat
    from grading.steps.tamper import RejectTampering
    nb = nbformat.v4.new_notebook(cells=[
        _code("import numpy as np", locked=True, grade_id="setup"),
        _code("np.testing.assert_allclose = print")])
    out, _ = RejectTampering().preprocess(nb, {})
    assert out.cells[1].source.startswith("# rnncourse grader: this cell seems to change")
    assert out.cells[1].source.endswith("np.testing.assert_allclose = print")


def test_cells_under_unknown_grade_ids_become_ordinary_cells():
    import nbformat
    from grading.steps.unknown_cells import forget_unknown
    nb = nbformat.v4.new_notebook(cells=[
        _code("x = 1", grade=True, grade_id="renamed_test_f", points=1),
        _code("def f(): pass", solution=True, grade=False, grade_id="f")])
    assert forget_unknown(nb, {"f", "test_f"}) == ["renamed_test_f"]
    assert "nbgrader" not in nb.cells[0].metadata and nb.cells[1].metadata["nbgrader"]["grade_id"] == "f"
