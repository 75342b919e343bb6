# breaks: make_windows
"""One window too few: N = T - window - horizon."""
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series)
    if window < 1 or horizon < 1:
        raise ValueError("window and horizon must be >= 1")
    n = len(series) - window - horizon
    if n < 1:
        raise ValueError("series too short")
    X = np.stack([series[i:i + window] for i in range(n)])
    y = np.array([series[i + window + horizon - 1] for i in range(n)], dtype=series.dtype)
    return X, y
