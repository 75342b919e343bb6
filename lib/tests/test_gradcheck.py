import numpy as np
import pytest

from rnncourse.gradcheck import numerical_gradient, numerical_gradient_array, rel_error


def test_rel_error_is_zero_for_equal_arrays():
    x = np.array([1.0, -2.0, 3.0])
    assert rel_error(x, x.copy()) == 0.0


def test_rel_error_measures_the_worst_element():
    assert rel_error(np.array([1.0, 1.0]), np.array([1.0, 3.0])) == pytest.approx(0.5)


def test_rel_error_rejects_different_shapes():
    with pytest.raises(ValueError, match=r"\(2,\).*\(3,\)"):
        rel_error(np.zeros(2), np.zeros(3))


def test_numerical_gradient_of_a_quadratic_is_exact():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 4))
    grad = numerical_gradient(lambda z: float(np.sum(z ** 2)), x)
    assert rel_error(grad, 2 * x) < 1e-8


def test_numerical_gradient_restores_its_input():
    x = np.arange(6.0).reshape(2, 3)
    before = x.copy()
    numerical_gradient(lambda z: float(np.sum(np.sin(z))), x)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_array_is_a_vector_jacobian_product():
    rng = np.random.default_rng(1)
    x, W = rng.standard_normal((2, 3)), rng.standard_normal((3, 4))
    dout = rng.standard_normal((2, 4))
    dx = numerical_gradient_array(lambda z: np.tanh(z @ W), x, dout)
    expected = (dout * (1 - np.tanh(x @ W) ** 2)) @ W.T
    assert rel_error(dx, expected) < 1e-7


def test_numerical_gradient_rejects_integer_arrays():
    with pytest.raises(ValueError, match="float"):
        numerical_gradient(lambda z: 0.0, np.arange(3))


def test_tracebacks_skip_the_gradcheck_frames_but_keep_the_students_code():
    import sys

    ultratb = pytest.importorskip("IPython.core.ultratb")

    def student(v):
        return v[:, 7]                                   # the student's bug

    try:
        numerical_gradient_array(student, np.zeros((2, 3)), np.ones(2))
    except IndexError:
        etype, value, tb = sys.exc_info()
    text = ultratb.VerboseTB(theme_name="nocolor", include_vars=False).text(etype, value, tb)
    assert "# the student's bug" in text
    assert "skipping hidden 3 frame" in text             # numerical_gradient(_array), scalar
    assert "in numerical_gradient(" not in text and "in scalar(" not in text
