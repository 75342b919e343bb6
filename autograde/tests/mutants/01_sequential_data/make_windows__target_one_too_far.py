# breaks: make_windows
"""Target taken at i + window + horizon (one step too far)."""
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series)
    if window < 1 or horizon < 1:
        raise ValueError("window and horizon must be >= 1")
    n = len(series) - window - horizon + 1
    if n < 1:
        raise ValueError("series too short")
    X = np.stack([series[i:i + window] for i in range(n)])
    y = np.array([series[min(i + window + horizon, len(series) - 1)] for i in range(n)],
                 dtype=series.dtype)
    return X, y
