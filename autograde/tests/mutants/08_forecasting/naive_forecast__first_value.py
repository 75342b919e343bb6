# breaks: naive_forecast
"""Uses the first value of each window instead of the last."""
import numpy as np


def naive_forecast(X):
    X = np.asarray(X)
    if X.ndim == 3:
        if X.shape[2] != 1:
            raise ValueError(f"bad shape {X.shape}")
        X = X[:, :, 0]
    if X.ndim != 2:
        raise ValueError(f"bad shape {X.shape}")
    return X[:, 0].copy()
