# exercise: make_windows
"""A Python loop over the windows filling preallocated arrays of the series' dtype."""
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series)
    if series.ndim != 1:
        raise ValueError(f"series must be 1-D, got shape {series.shape}")
    if window < 1 or horizon < 1:
        raise ValueError(f"window and horizon must be >= 1, got {window} and {horizon}")
    n = len(series) - window - horizon + 1
    if n < 1:
        raise ValueError(f"a series of length {len(series)} is too short for window={window}, "
                         f"horizon={horizon}")
    X = np.empty((n, window), dtype=series.dtype)
    y = np.empty(n, dtype=series.dtype)
    for i in range(n):
        X[i] = series[i:i + window]
        y[i] = series[i + window + horizon - 1]
    return X, y
