# breaks: rmse
"""Takes the square root of each squared error before averaging (that is the MAE)."""
import numpy as np


def rmse(y, y_hat):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(f"shapes {y.shape} and {y_hat.shape} differ")
    return float(np.mean(np.sqrt((y - y_hat) ** 2)))
