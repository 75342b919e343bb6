# exercise: naive_forecast
"""Validates the shape with one condition, reshapes to (N, window) and indexes the last value."""
import numpy as np


def naive_forecast(X):
    shape = np.shape(X)
    ok = (len(shape) == 2 or (len(shape) == 3 and shape[2] == 1)) and shape[1] >= 1
    if not ok:
        raise ValueError(f"naive_forecast needs (N, window) or (N, window, 1), got {shape}")
    windows = np.reshape(X, (shape[0], shape[1]))
    return np.array(windows[:, shape[1] - 1])
