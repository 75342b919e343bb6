# breaks: naive_forecast
"""Off by one: returns the second-to-last value of each window."""
import numpy as np


def naive_forecast(X):
    X = np.asarray(X)
    if X.ndim == 3:
        if X.shape[2] != 1:
            raise ValueError(f"bad shape {X.shape}")
        X = X[:, :, 0]
    if X.ndim != 2:
        raise ValueError(f"bad shape {X.shape}")
    return X[:, -2].copy() if X.shape[1] > 1 else X[:, -1].copy()
