# exercise: rmse
"""np.linalg.norm of the error in float64 divided by sqrt(n)."""
import math

import numpy as np


def rmse(y, y_hat):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(f"shapes differ: y {y.shape} vs y_hat {y_hat.shape}")
    if y.size == 0:
        raise ValueError("rmse of empty arrays")
    err = (y.astype(np.float64) - y_hat.astype(np.float64)).ravel()
    return float(np.linalg.norm(err) / math.sqrt(err.size))
