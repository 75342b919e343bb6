# breaks: naive_forecast
"""Forecasts the mean of the window instead of its last value."""
import numpy as np


def naive_forecast(X):
    X = np.asarray(X)
    if X.ndim == 3:
        if X.shape[2] != 1:
            raise ValueError(f"bad shape {X.shape}")
        X = X[:, :, 0]
    if X.ndim != 2:
        raise ValueError(f"bad shape {X.shape}")
    return X.mean(axis=1)
