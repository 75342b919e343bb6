"""Numerical gradients by centred differences, and the relative error used to compare them.

Used the same way in every notebook::

    from rnncourse.gradcheck import numerical_gradient_array, rel_error
    dx_num = numerical_gradient_array(lambda x: f(x), x, dout)
    print(rel_error(dx, dx_num))   # ~1e-9 in float64 when dx is right

Work in float64: float32 round-off alone gives relative errors near 1e-3.

The functions set ``__tracebackhide__`` (honoured by IPython and pytest), so an error in
the function being differentiated shows the test line and that function, not these frames.
"""
from __future__ import annotations

from typing import Callable

import numpy as np


def rel_error(x, y, eps: float = 1e-8) -> float:
    """Largest element-wise relative error ``|x - y| / max(eps, |x| + |y|)``.

    x, y: arrays of one shape (scalars allowed). Raises ``ValueError`` if shapes differ.
    """
    __tracebackhide__ = True  # IPython and pytest: tracebacks skip this frame
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"rel_error: shapes differ, {x.shape} vs {y.shape}")
    if x.size == 0:
        return 0.0
    return float(np.max(np.abs(x - y) / np.maximum(eps, np.abs(x) + np.abs(y))))


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray,
                       h: float = 1e-5) -> np.ndarray:
    """Gradient of a scalar function ``f`` at ``x`` by centred differences.

    f: called with ``x`` (modified in place, then restored) and returns a float.
    x: array of any shape, float64 recommended. Returns an array shaped like ``x``.
    """
    __tracebackhide__ = True  # IPython and pytest: tracebacks skip this frame
    x = _check_float_array(x)
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        old = x[idx]
        x[idx] = old + h
        f_plus = float(f(x))
        x[idx] = old - h
        f_minus = float(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
        it.iternext()
    return grad


def numerical_gradient_array(f: Callable[[np.ndarray], np.ndarray], x: np.ndarray,
                             dout: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Gradient of ``sum(f(x) * dout)`` with respect to ``x``: a vector-Jacobian product.

    f: maps ``x`` to an array shaped like ``dout``. x: any shape. dout: upstream gradient.
    Returns an array shaped like ``x``.
    """
    __tracebackhide__ = True  # IPython and pytest: tracebacks skip this frame
    dout = np.asarray(dout, dtype=np.float64)

    def scalar(z):
        __tracebackhide__ = True  # IPython and pytest: tracebacks skip this frame
        out = np.asarray(f(z), dtype=np.float64)
        if out.shape != dout.shape:
            raise ValueError(f"numerical_gradient_array: f(x) has shape {out.shape}, "
                             f"dout has shape {dout.shape}")
        return float(np.sum(out * dout))

    return numerical_gradient(scalar, x, h)


def _check_float_array(x) -> np.ndarray:
    __tracebackhide__ = True  # IPython and pytest: tracebacks skip this frame
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise ValueError("numerical_gradient: x must be a float numpy array (it is perturbed "
                         f"in place), got {type(x).__name__}"
                         + (f" of dtype {x.dtype}" if isinstance(x, np.ndarray) else ""))
    return x
