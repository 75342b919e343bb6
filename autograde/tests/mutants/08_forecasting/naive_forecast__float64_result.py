# breaks: naive_forecast
"""Casts the result to float64, so float32 windows give float64 forecasts."""
import numpy as np


def naive_forecast(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 3:
        if X.shape[2] != 1:
            raise ValueError(f"bad shape {X.shape}")
        X = X[:, :, 0]
    if X.ndim != 2:
        raise ValueError(f"bad shape {X.shape}")
    return X[:, -1]
