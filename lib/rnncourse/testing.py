"""Assertion helpers for the notebooks' test cells.

Every helper raises ``AssertionError`` with a message meant for a student: which
exercise, what was wrong (shape, dtype, value, a mutated input) and, where a known
mistake is recognisable, a hint. Hidden tests pass ``reveal=False`` so that no expected
value appears in the message (feedback must not leak hidden answers).

    from rnncourse import testing as T
    h, _ = rnn_cell_forward(x, h0, W_x, W_h, b)
    T.assert_close("rnn_cell_forward", h, expected,
                   hints={"check the orientation of W_h (use h_prev @ W_h)": wrong})

The helpers set ``__tracebackhide__`` (honoured by IPython and pytest): a failing test's
traceback ends at the test line and the message, not inside this module, while frames of
the student's own code (called through a helper) are still shown.
"""
from __future__ import annotations

import copy
import os
import sys
from typing import Any, Callable, Mapping

import numpy as np

__all__ = [
    "assert_shape", "assert_dtype", "assert_close", "assert_equal", "assert_not_mutated",
    "assert_raises", "assert_numpy_only", "assert_finite", "assert_int",
    "call_not_mutating", "call_many", "dataset_map_pairs", "random_arrays",
]


def _fail(name: str, message: str) -> None:
    # IPython always prints the innermost frame, so a student sees these lines: keep them plain.
    __tracebackhide__ = True
    # A check in the test cell failed; the message below says what was wrong.
    raise AssertionError(f"[{name}] {message}")


def _as_array(name: str, what: str, value) -> np.ndarray:
    """Accept numpy arrays (and numpy scalars) only: no lists, no look-alike objects."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    if isinstance(value, np.generic):
        value = np.asarray(value)
    if type(value) is not np.ndarray:  # noqa: E721 (subclasses could override comparisons)
        _fail(name, f"{what} should be a numpy array, got {type(value).__name__}")
    return value


def assert_shape(name: str, actual, expected_shape: tuple, what: str = "result") -> None:
    """``actual`` is a numpy array of shape ``expected_shape``."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    actual = _as_array(name, what, actual)
    expected_shape = tuple(expected_shape)
    if actual.shape != expected_shape:
        hint = ""
        if sorted(actual.shape) == sorted(expected_shape):
            hint = " (the same sizes in another order: check which axis is batch, time, feature)"
        _fail(name, f"{what} has shape {actual.shape}, expected {expected_shape}{hint}")


def assert_dtype(name: str, actual, expected_dtype, what: str = "result") -> None:
    """``actual`` has exactly ``expected_dtype`` (the result's dtype follows the input's)."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    actual = _as_array(name, what, actual)
    if actual.dtype != np.dtype(expected_dtype):
        _fail(name, f"{what} has dtype {actual.dtype}, expected {np.dtype(expected_dtype)} "
                    "(keep the input's dtype: avoid mixing in float64 constants or "
                    "np.zeros without dtype=)")


def assert_finite(name: str, actual, what: str = "result") -> None:
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    actual = _as_array(name, what, actual)
    if np.issubdtype(actual.dtype, np.number) and not np.all(np.isfinite(actual)):
        _fail(name, f"{what} contains NaN or inf (is a computation overflowing? "
                    "large inputs need a numerically stable formula)")


def _matches(actual: np.ndarray, candidate, rtol: float, atol: float) -> bool:
    candidate = np.asarray(candidate)
    if candidate.shape != actual.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(actual.astype(np.float64), candidate.astype(np.float64),
                                rtol=rtol, atol=atol, equal_nan=True))


def assert_close(name: str, actual, expected, *, rtol: float = 1e-6, atol: float = 1e-8,
                 what: str = "result", hints: Mapping[str, Any] | None = None,
                 reveal: bool = True) -> None:
    """``actual`` equals ``expected`` within tolerances, with the same shape.

    hints: ``{message: wrong_array}``; if ``actual`` matches ``wrong_array`` the message is
    shown as the likely cause. reveal: include a few expected values in the message
    (visible tests) or only the size of the error (hidden tests).
    """
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    expected = np.asarray(expected)
    actual = _as_array(name, what, actual)
    assert_shape(name, actual, expected.shape, what)
    if not np.issubdtype(actual.dtype, np.number) and actual.dtype != np.bool_:
        _fail(name, f"{what} has non-numeric dtype {actual.dtype}")
    if _matches(actual, expected, rtol, atol):
        return
    for message, candidate in (hints or {}).items():
        if _matches(actual, candidate, max(rtol, 1e-5), max(atol, 1e-6)):
            _fail(name, f"{what} is wrong. Hint: {message}")
    with np.errstate(all="ignore"):
        diff = np.abs(actual.astype(np.float64) - expected.astype(np.float64))
    if not np.all(np.isfinite(actual)) and np.all(np.isfinite(expected)):
        _fail(name, f"{what} contains NaN or inf where finite values were expected "
                    "(an overflow? use a numerically stable formula)")
    worst = np.unravel_index(np.nanargmax(np.where(np.isnan(diff), np.inf, diff)), diff.shape) \
        if diff.ndim else ()
    message = (f"{what} has the right shape {actual.shape} but wrong values: largest "
               f"difference {np.nanmax(diff) if diff.size else 0:.3g} at index {tuple(int(i) for i in worst)}")
    if reveal:
        flat_a, flat_e = actual.ravel()[:4], expected.ravel()[:4]
        message += f"\n  first values of yours:    {np.array2string(flat_a, precision=5)}" \
                   f"\n  first values expected:    {np.array2string(flat_e, precision=5)}"
    _fail(name, message)


def assert_equal(name: str, actual, expected, *, what: str = "result",
                 hints: Mapping[str, Any] | None = None, reveal: bool = True) -> None:
    """Exact equality for ints, strings, lists, dicts and integer arrays (types checked too)."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    if isinstance(expected, np.ndarray):
        actual_arr = _as_array(name, what, actual)
        assert_shape(name, actual_arr, expected.shape, what)
        if np.array_equal(actual_arr, expected):
            return
        for message, candidate in (hints or {}).items():
            if np.shape(candidate) == actual_arr.shape and np.array_equal(actual_arr, candidate):
                _fail(name, f"{what} is wrong. Hint: {message}")
        detail = f"; expected {expected.ravel()[:8]}, got {actual_arr.ravel()[:8]}" if reveal else ""
        _fail(name, f"{what} has wrong values{detail}")
    if type(actual) is not type(expected):
        _fail(name, f"{what} should be a {type(expected).__name__}, got {type(actual).__name__}")
    if actual == expected and type(actual == expected) is bool:
        return
    for message, candidate in (hints or {}).items():
        if type(candidate) is type(actual) and candidate == actual:
            _fail(name, f"{what} is wrong. Hint: {message}")
    _fail(name, f"{what} is wrong" + (f": expected {expected!r}, got {actual!r}" if reveal else ""))


def assert_int(name: str, actual, expected: int, *, what: str = "result",
               hints: Mapping[str, int] | None = None, reveal: bool = True) -> None:
    """``actual`` is a Python or numpy integer equal to ``expected``."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, (int, np.integer)):
        _fail(name, f"{what} should be an int, got {type(actual).__name__}")
    assert_equal(name, int(actual), int(expected), what=what, hints=hints, reveal=reveal)


def _snapshot(value):
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (dict, list, tuple)):
        return copy.deepcopy(value)
    return value


def _same(before, after) -> bool:
    if isinstance(before, np.ndarray):
        return isinstance(after, np.ndarray) and before.shape == after.shape and \
            np.array_equal(before, after, equal_nan=True)
    if isinstance(before, dict):
        return isinstance(after, dict) and before.keys() == after.keys() and \
            all(_same(before[k], after[k]) for k in before)
    if isinstance(before, (list, tuple)):
        return len(before) == len(after) and all(_same(b, a) for b, a in zip(before, after))
    return True


def call_not_mutating(name: str, fn: Callable, *args, **kwargs):
    """Call ``fn(*args, **kwargs)``; fail if it changed any array argument. Returns its result."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    before = [_snapshot(a) for a in args]
    before_kw = {k: _snapshot(v) for k, v in kwargs.items()}
    result = fn(*args, **kwargs)
    for i, (b, a) in enumerate(zip(before, args)):
        if not _same(b, a):
            _fail(name, f"argument {i + 1} was modified in place; functions must not mutate "
                        "their inputs (work on a copy, e.g. x = x.copy(), or avoid +=, *= on inputs)")
    for k, b in before_kw.items():
        if not _same(b, kwargs[k]):
            _fail(name, f"argument {k!r} was modified in place; functions must not mutate their inputs")
    return result


assert_not_mutated = call_not_mutating


def assert_raises(name: str, exc_type: type, fn: Callable, *args, what: str = "", **kwargs) -> None:
    """``fn(*args, **kwargs)`` raises ``exc_type`` (e.g. ``ValueError`` for bad arguments)."""
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    # the failure is raised after the except blocks: no "During handling of the above
    # exception" chain in front of the message
    try:
        fn(*args, **kwargs)
    except exc_type as exc:
        if str(exc).strip():
            return
        problem = f"raised {exc_type.__name__} without a message; say what is wrong"
    except Exception as exc:  # noqa: BLE001 - the wrong exception is the student's bug
        problem = (f"{what or 'bad arguments'} should raise {exc_type.__name__}, "
                   f"but raised {type(exc).__name__}" + (f": {exc}" if str(exc).strip() else ""))
    else:
        problem = f"{what or 'bad arguments'} should raise {exc_type.__name__}, but nothing was raised"
    _fail(name, problem)


FORBIDDEN_PACKAGES = ("tensorflow", "keras", "torch", "jax", "tf_keras")


def _forbidden_frame(filename: str) -> str | None:
    parts = filename.replace("\\", "/").split("/")
    for package in FORBIDDEN_PACKAGES:
        if package in parts:
            return package
    if "rnncourse" in parts and parts[-1] in {"testing.py", "gradcheck.py"}:
        return "rnncourse." + parts[-1][:-3]
    return None


def assert_numpy_only(name: str, fn: Callable, *args, **kwargs):
    """Run ``fn`` and fail if it calls into Keras, TensorFlow, PyTorch, JAX or these helpers.

    From-scratch exercises (notebooks 01--06) must be numpy only. Returns ``fn``'s result.
    """
    __tracebackhide__ = True  # IPython and pytest: show the test line, not this frame
    if getattr(type(fn), "__rnncourse_proxy__", False):
        # Graded in two kernels: fn runs in the student's kernel. The grading bridge checks
        # the function's source here and has the student kernel report what the call reached.
        result, reason = sys.modules["_rnncourse_grader_side"].numpy_only_call(fn, args, kwargs)
        if reason:
            _fail(name, f"this exercise is numpy only, but your code uses {reason}; "
                        "write the computation with numpy operations")
        return result
    seen: list[str] = []
    own_file = __file__

    def profiler(frame, event, arg):
        if event == "call" and not seen:
            filename = frame.f_code.co_filename
            if filename != own_file:
                package = _forbidden_frame(filename)
                if package:
                    seen.append(package)

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = fn(*args, **kwargs)
    finally:
        sys.setprofile(previous)
    if seen:
        _fail(name, f"this exercise is numpy only, but your code calls into {seen[0]}; "
                    "write the computation with numpy operations")
    return result


def call_many(fn: Callable, calls) -> list:
    """``[fn(*args) for args in calls]``, for tests that draw many samples from a student's
    function. Graded in two kernels, the calls run in the student's kernel in one round trip
    (the same generator passed to every call stays one generator there too)."""
    __tracebackhide__ = True
    calls = [tuple(args) for args in calls]
    if getattr(type(fn), "__rnncourse_proxy__", False):
        return fn.call_many([(args, {}) for args in calls])[0]
    return [fn(*args) for args in calls]


def dataset_map_pairs(fn: Callable, values, batch_size: int) -> list:
    """Map ``fn`` over a ``tf.data`` pipeline of ``values`` in batches of ``batch_size`` (drop
    the remainder) and return the pairs it yields as numpy arrays: checks that ``fn`` works
    inside ``Dataset.map``, where TensorFlow traces it into a graph. Graded in two kernels,
    the pipeline runs in the student's kernel, beside the student's function."""
    __tracebackhide__ = True
    if getattr(type(fn), "__rnncourse_proxy__", False):
        return sys.modules["_rnncourse_grader_side"].call_beside(dataset_map_pairs, (fn, values, batch_size))
    import tensorflow as tf
    ds = tf.data.Dataset.from_tensor_slices(np.asarray(values)).batch(batch_size, drop_remainder=True)
    return [(a.numpy(), b.numpy()) for a, b in ds.map(fn)]


def random_arrays(rng: np.random.Generator, shapes: Mapping[str, tuple], dtype=np.float64,
                  scale: float = 1.0) -> dict:
    """``{name: rng.standard_normal(shape) * scale}`` cast to ``dtype``, for random-shape tests."""
    return {k: (rng.standard_normal(s) * scale).astype(dtype) for k, s in shapes.items()}


def is_graded() -> bool:
    """True while nbgrader autogrades or validates (``NBGRADER_EXECUTION`` is set)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))
