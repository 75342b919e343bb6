# exercise: make_windows
"""Fancy indexing with np.arange(N)[:, None] + np.arange(window)."""
import numpy as np


def make_windows(series, window, horizon=1):
    s = np.asarray(series)
    problems = []
    if s.ndim != 1:
        problems.append(f"series has shape {s.shape}, expected (T,)")
    if window < 1:
        problems.append(f"window={window} < 1")
    if horizon < 1:
        problems.append(f"horizon={horizon} < 1")
    if problems:
        raise ValueError("; ".join(problems))
    count = s.size - window - horizon + 1
    if count < 1:
        raise ValueError(f"series too short: N = {count}")
    starts = np.arange(count)
    X = s[starts[:, None] + np.arange(window)[None, :]]
    y = s[starts + window + horizon - 1]
    return X, y
