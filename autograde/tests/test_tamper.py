"""The sanitize step that refuses answer cells tampering with the grading environment."""
import pytest

from grading.tamper import module_names_in, problems

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
])
def test_honest_answers_pass(source):
    assert problems(source, MODULES) == []


def test_module_names_are_read_from_imports():
    assert module_names_in("import numpy as np\nfrom rnncourse import testing as T\nimport os.path") == {"np", "T", "os"}
