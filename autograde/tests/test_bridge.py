"""The bridge between the student kernel and the grader kernel: only plain data crosses."""
from __future__ import annotations

import json

import numpy as np
import pytest

from grading.steps.bridge import codec
from grading.steps.bridge.grader_side import Grader, Unavailable, write_back
from grading.steps.two_kernels import role


def round_trip(value, trusted=False, **encoder):
    import tempfile
    folder = tempfile.mkdtemp()
    codec.Encoder(folder, **encoder).write(value)
    return codec.Decoder(folder, trusted=trusted).read(), folder


@pytest.mark.parametrize("value", [
    None, True, 3, -2 ** 70, 2.5, float("inf"), "text", b"\x00bytes", (1, "a"), [1, [2, (3,)]],
    {"k": 1, 2: "two", (1, 2): None}, np.arange(6, dtype=np.float32).reshape(2, 3),
    np.array([True, False]), np.float32(1.5), np.int64(7), np.array(["ab", "c"]),
])
def test_plain_data_crosses_unchanged(value):
    out, _ = round_trip(value)
    assert type(out) is type(value)
    if isinstance(value, np.ndarray):
        assert out.dtype == value.dtype and np.array_equal(out, value)
    else:
        assert out == value or (isinstance(value, float) and np.isnan(value))


def test_a_read_only_array_stays_read_only():
    a = np.zeros(3)
    a.flags.writeable = False
    out, _ = round_trip(a)
    assert not out.flags.writeable


def test_a_generator_crosses_with_its_state():
    rng = np.random.default_rng(5)
    rng.integers(10, size=3)
    out, _ = round_trip(rng)
    assert out.integers(1000, size=5).tolist() == rng.integers(1000, size=5).tolist()


class Sneaky:
    def __eq__(self, other):
        return True


class AlwaysEqual(np.ndarray):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize("value", [Sneaky(), np.zeros(2).view(AlwaysEqual), np.array([Sneaky()], dtype=object),
                                   lambda x: x, {1, 2}])
def test_objects_of_other_classes_are_refused(value):
    with pytest.raises(codec.CodecError):
        round_trip(value)


def test_no_pickle_is_ever_read(tmp_path):
    import pickle
    (tmp_path / "value.json").write_text(json.dumps({"$": "ndarray", "key": "a0"}))
    np.save(tmp_path / "evil.npy", np.array([Sneaky()], dtype=object), allow_pickle=True)
    import zipfile
    with zipfile.ZipFile(tmp_path / "value.npz", "w") as z:
        z.write(tmp_path / "evil.npy", "a0.npy")
    with pytest.raises(ValueError):
        codec.Decoder(str(tmp_path), trusted=False).read()
    assert pickle  # the module is imported only to build the attack


@pytest.mark.parametrize("node", [{"$": "library", "module": "rnncourse.testing", "class": "X", "state": {}},
                                  {"$": "remote", "name": "f"}, {"$": "pickle", "v": "..."}, {"no": "tag"}])
def test_unknown_or_untrusted_kinds_are_refused(tmp_path, node):
    (tmp_path / "value.json").write_text(json.dumps(node))
    with pytest.raises(codec.CodecError):
        codec.Decoder(str(tmp_path), trusted=False).read()


def test_exceptions_come_back_as_their_builtin_type_only():
    class MyError(ValueError):
        pass
    exc = codec.exception_from(codec._exception_node(MyError("bad shape (2, 3)")))
    assert type(exc) is ValueError and str(exc) == "bad shape (2, 3)"
    weird = codec.exception_from({"$": "exception", "type": "SystemExit", "message": "bye"})
    assert isinstance(weird, codec.StudentError)
    unknown = codec.exception_from({"$": "exception", "type": "os.system", "message": "x"})
    assert isinstance(unknown, codec.StudentError)


def test_arguments_changed_in_place_are_written_back():
    x = np.zeros(3)
    d = {"W": np.ones(2), "gone": 1}
    rng = np.random.default_rng(0)
    after_rng = np.random.default_rng(0)
    after_rng.integers(5)
    write_back(x, np.array([1.0, 2.0, 3.0]))
    write_back(d, {"W": np.array([5.0, 5.0]), "new": 2})
    write_back(rng, after_rng)
    assert x.tolist() == [1, 2, 3] and d["W"].tolist() == [5, 5] and set(d) == {"W", "new"}
    assert rng.integers(100) == after_rng.integers(100)


def test_an_unavailable_value_says_what_it_is():
    value = Unavailable("history", "keras.callbacks.History", "not plain data")
    with pytest.raises(codec.StudentError, match="history.*keras.callbacks.History"):
        value.history


def test_cells_run_where_their_author_is_trusted():
    def cell(**nbgrader):
        return {"cell_type": "code", "metadata": {"nbgrader": nbgrader}}
    assert role(cell(grade=True, solution=False, locked=True, grade_id="test_f")) == "grader"
    assert role(cell(grade=False, solution=False, locked=True, grade_id="setup")) == "both"
    assert role(cell(grade=False, solution=True, grade_id="f")) == "student"
    assert role({"cell_type": "code", "metadata": {}}) == "student"


def test_static_numpy_only_check_reads_the_cell_that_defines_the_function():
    grader = Grader.__new__(Grader)
    grader.sources = ["import numpy as np\ndef ok(x):\n    N, T, D = x.shape\n    return x",
                      "def uses_keras(x):\n    return keras.ops.tanh(x)",
                      "def sneaky(x):\n    m = __import__('tensor' + 'flow')\n    return x"]
    assert grader.forbidden_in_source("ok") is None
    assert grader.forbidden_in_source("uses_keras") == "keras"
    assert grader.forbidden_in_source("sneaky") == "__import__"


def test_builtins_and_the_graders_own_names_are_never_the_students():
    class Shell:
        user_ns = {"T": "the grader's helpers", "rnn_forward": "bound earlier"}
    grader = Grader.__new__(Grader)
    grader.shell, grader.bound = Shell(), {"rnn_forward": "bound earlier"}
    assert grader._protected("len") and grader._protected("isinstance")
    assert grader._protected("T") and grader._protected("_private")
    assert not grader._protected("rnn_forward") and not grader._protected("make_windows")


def test_call_many_in_one_kernel_is_a_loop():
    from rnncourse import testing as T
    rng = np.random.default_rng(0)
    draws = T.call_many(lambda r: int(r.integers(100)), [(rng,)] * 5)
    again = np.random.default_rng(0).integers(100, size=5).tolist()
    assert draws == again


def test_a_module_crosses_as_its_name_and_only_the_usual_ones():
    import math
    out, _ = round_trip(math)
    assert out is math
    import subprocess
    refused, _ = round_trip(subprocess)
    assert isinstance(refused, codec.Unencodable)


def test_arrays_inside_a_tuple_argument_are_written_back():
    cache = (np.zeros(2), 3, [np.ones(1)])
    write_back(cache, (np.array([1.0, 2.0]), 3, [np.array([7.0])]))
    assert cache[0].tolist() == [1, 2] and cache[2][0].tolist() == [7]
