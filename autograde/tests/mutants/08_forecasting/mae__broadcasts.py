# breaks: mae
"""No shape check: (N,) against (N, 1) silently broadcasts to (N, N)."""
import numpy as np


def mae(y, y_hat):
    return float(np.mean(np.abs(np.asarray(y) - np.asarray(y_hat))))
