# exercise: make_windows
"""Vectorised with sliding_window_view (copied so the result does not alias the input)."""
import numpy as np


def make_windows(series, window, horizon=1):
    if np.ndim(series) != 1:
        raise ValueError("series must be a 1-D array")
    if not (window >= 1 and horizon >= 1):
        raise ValueError("window and horizon must both be at least 1")
    T_len = np.shape(series)[0]
    N = T_len - window - horizon + 1
    if N < 1:
        raise ValueError(f"no window fits: T={T_len}, window={window}, horizon={horizon}")
    views = np.lib.stride_tricks.sliding_window_view(series, window)
    X = views[:N].copy()
    y = np.array(series[window + horizon - 1:window + horizon - 1 + N])
    return X, y
