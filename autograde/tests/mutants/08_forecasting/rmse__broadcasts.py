# breaks: rmse
"""No shape check: (N,) against (N, 1) silently broadcasts to (N, N)."""
import numpy as np


def rmse(y, y_hat):
    return float(np.sqrt(np.mean((np.asarray(y) - np.asarray(y_hat)) ** 2)))
