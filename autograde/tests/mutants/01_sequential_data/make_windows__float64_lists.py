# breaks: make_windows
"""Builds X and y with np.array(list of floats): float32 input becomes float64."""
import numpy as np


def make_windows(series, window, horizon=1):
    if window < 1 or horizon < 1:
        raise ValueError("window and horizon must be >= 1")
    n = len(series) - window - horizon + 1
    if n < 1:
        raise ValueError("series too short")
    X = np.array([[float(v) for v in series[i:i + window]] for i in range(n)])
    y = np.array([float(series[i + window + horizon - 1]) for i in range(n)])
    return X, y
