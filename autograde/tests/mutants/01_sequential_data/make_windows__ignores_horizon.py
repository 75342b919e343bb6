# breaks: make_windows
"""horizon ignored: always predicts the next value, N = T - window."""
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series)
    if window < 1 or horizon < 1:
        raise ValueError("window and horizon must be >= 1")
    n = len(series) - window
    if n < 1:
        raise ValueError("series too short")
    X = np.stack([series[i:i + window] for i in range(n)])
    y = series[window:].copy()
    return X, y
