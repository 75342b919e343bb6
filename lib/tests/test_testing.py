import numpy as np
import pytest

from rnncourse import testing as T


def test_assert_close_passes_for_equal_arrays():
    T.assert_close("f", np.ones((2, 3)), np.ones((2, 3)))


def test_assert_close_names_the_exercise_and_the_shapes():
    with pytest.raises(AssertionError, match=r"\[f\].*\(3, 2\).*expected \(2, 3\)"):
        T.assert_close("f", np.ones((3, 2)), np.ones((2, 3)))


def test_assert_close_shows_a_hint_when_a_known_mistake_matches():
    wrong = np.full(3, 2.0)
    with pytest.raises(AssertionError, match="Hint: transpose"):
        T.assert_close("f", wrong, np.ones(3), hints={"transpose W_h": wrong})


def test_assert_close_hides_expected_values_when_asked():
    with pytest.raises(AssertionError) as info:
        T.assert_close("f", np.array([0.5]), np.array([0.123456]), reveal=False)
    assert "0.1234" not in str(info.value)


def test_assert_close_rejects_objects_that_claim_equality():
    class Liar:
        def __eq__(self, other):
            return True
        shape = (3,)

    with pytest.raises(AssertionError, match="numpy array"):
        T.assert_close("f", Liar(), np.ones(3))


def test_assert_close_rejects_lists():
    with pytest.raises(AssertionError, match="numpy array"):
        T.assert_close("f", [1.0, 1.0], np.ones(2))


def test_assert_close_reports_nan_as_overflow():
    with pytest.raises(AssertionError, match="NaN or inf"):
        T.assert_close("f", np.array([np.nan, 1.0]), np.ones(2))


def test_assert_dtype_detects_upcasting():
    with pytest.raises(AssertionError, match="float64.*expected float32"):
        T.assert_dtype("f", np.zeros(2), np.float32)


def test_call_not_mutating_detects_in_place_changes():
    def bad(x):
        x += 1
        return x

    with pytest.raises(AssertionError, match="modified in place"):
        T.call_not_mutating("f", bad, np.zeros(3))


def test_call_not_mutating_returns_the_result_and_checks_dicts():
    assert T.call_not_mutating("f", lambda d: d["a"] * 2, {"a": np.ones(2)}).sum() == 4.0

    def bad(d):
        d["a"] *= 0
        return d

    with pytest.raises(AssertionError, match="modified"):
        T.call_not_mutating("f", bad, {"a": np.ones(2)})


def test_assert_raises_requires_the_right_exception():
    def wrong():
        raise TypeError("nope")

    with pytest.raises(AssertionError, match="should raise ValueError, but raised TypeError"):
        T.assert_raises("f", ValueError, wrong)
    with pytest.raises(AssertionError, match="nothing was raised"):
        T.assert_raises("f", ValueError, lambda: None)
    T.assert_raises("f", ValueError, lambda: (_ for _ in ()).throw(ValueError("bad shape")))


def test_assert_int_rejects_floats_and_bools():
    T.assert_int("f", np.int64(5), 5)
    with pytest.raises(AssertionError, match="int"):
        T.assert_int("f", 5.0, 5)
    with pytest.raises(AssertionError, match="int"):
        T.assert_int("f", True, 1)


def test_assert_equal_checks_types_and_values():
    T.assert_equal("f", {"a": 1}, {"a": 1})
    with pytest.raises(AssertionError, match="should be a list"):
        T.assert_equal("f", ("a",), ["a"])
    with pytest.raises(AssertionError, match="Hint: sort"):
        T.assert_equal("f", ["b", "a"], ["a", "b"], hints={"sort the characters": ["b", "a"]})


def test_assert_numpy_only_accepts_numpy_code():
    assert T.assert_numpy_only("f", lambda x: np.tanh(x).sum(), np.ones(3)) == pytest.approx(3 * np.tanh(1))


def test_assert_numpy_only_rejects_the_course_helpers():
    with pytest.raises(AssertionError, match="numpy only.*rnncourse.gradcheck"):
        from rnncourse.gradcheck import rel_error
        T.assert_numpy_only("f", lambda: rel_error(np.ones(1), np.ones(1)))


def test_forbidden_frames_cover_keras_and_tensorflow():
    assert T._forbidden_frame("/x/site-packages/keras/src/layers/rnn.py") == "keras"
    assert T._forbidden_frame("/x/site-packages/tensorflow/python/ops/math_ops.py") == "tensorflow"
    assert T._forbidden_frame("/x/site-packages/numpy/core/fromnumeric.py") is None


# --- tracebacks end at the test line (IPython and pytest honour __tracebackhide__) ---------

def _failing_calls():
    """One failing call per student-facing helper (name, thunk)."""
    def student_mutates(x):
        x += 1
        return x

    def student_returns(x):
        return x

    namespace: dict = {}
    exec(compile("def fake_keras_call():\n    return 1\n", "/site-packages/keras/fake.py", "exec"),
         namespace)
    fake_keras_call = namespace["fake_keras_call"]

    return [
        ("assert_shape", lambda: T.assert_shape("f", np.ones(2), (3,))),
        ("assert_dtype", lambda: T.assert_dtype("f", np.ones(2), np.float32)),
        ("assert_finite", lambda: T.assert_finite("f", np.array([np.inf]))),
        ("assert_close", lambda: T.assert_close("f", np.ones(3), np.zeros(3))),
        ("assert_close (shape)", lambda: T.assert_close("f", np.ones((3, 2)), np.ones((2, 3)))),
        ("assert_equal", lambda: T.assert_equal("f", 3, 4)),
        ("assert_int", lambda: T.assert_int("f", 3.0, 3)),
        ("call_not_mutating", lambda: T.call_not_mutating("f", student_mutates, np.ones(2))),
        ("assert_raises", lambda: T.assert_raises("f", ValueError, student_returns, 1)),
        ("assert_numpy_only", lambda: T.assert_numpy_only("f", fake_keras_call)),
    ]


@pytest.mark.parametrize("label, call", _failing_calls(), ids=[c[0] for c in _failing_calls()])
def test_every_helper_frame_is_hidden_from_the_traceback(label, call):
    with pytest.raises(AssertionError) as info:
        call()
    helper_frames = [entry for entry in info.traceback
                     if entry.path is not None and str(entry.path) == T.__file__]
    assert helper_frames, "the failure should come from rnncourse.testing"
    for entry in helper_frames:
        assert entry.frame.f_locals.get("__tracebackhide__") is True, \
            f"{label}: frame {entry.name} of rnncourse.testing lacks __tracebackhide__"


def _ipython_traceback(call) -> str:
    import sys

    ultratb = pytest.importorskip("IPython.core.ultratb")
    try:
        call()
    except AssertionError:
        etype, value, tb = sys.exc_info()
    else:  # pragma: no cover
        raise AssertionError("the call should have failed")
    return ultratb.VerboseTB(theme_name="nocolor", include_vars=False).text(etype, value, tb)


def test_ipython_traceback_skips_the_helpers_and_keeps_the_test_line_and_message():
    def test_line():
        T.assert_close("rnn_cell_forward", np.ones((3, 2)), np.ones((2, 3)))  # the test line

    text = _ipython_traceback(test_line)
    assert "# the test line" in text
    assert "skipping hidden 2 frame" in text            # assert_close and assert_shape
    assert "in assert_close(" not in text and "in assert_shape(" not in text
    assert "in _as_array(" not in text
    # IPython always prints the innermost frame: the plain raise in _fail, then the message
    assert text.rstrip().endswith("(the same sizes in another order: check which axis is "
                                  "batch, time, feature)")
    assert "[rnn_cell_forward] result has shape (3, 2), expected (2, 3)" in text


def test_ipython_traceback_still_shows_the_students_own_code():
    def student(x):
        return x[5]                                      # the student's bug

    def test_line():
        T.call_not_mutating("f", student, np.ones(3))

    import sys
    ultratb = pytest.importorskip("IPython.core.ultratb")
    try:
        test_line()
    except IndexError:
        etype, value, tb = sys.exc_info()
    text = ultratb.VerboseTB(theme_name="nocolor", include_vars=False).text(etype, value, tb)
    assert "# the student's bug" in text
    assert "in call_not_mutating(" not in text
    assert "skipping hidden 1 frame" in text
