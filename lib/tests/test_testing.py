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
