# breaks: make_windows
"""No argument checks: window=0 or a too-short series give empty arrays instead of ValueError."""
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series)
    n = max(len(series) - window - horizon + 1, 0)
    X = np.array([series[i:i + window] for i in range(n)], dtype=series.dtype).reshape(n, max(window, 0))
    y = np.array([series[i + window + horizon - 1] for i in range(n)], dtype=series.dtype)
    return X, y
