# exercise: mae
"""A loop over the values with math.fsum, float64 throughout."""
import math

import numpy as np


def mae(y, y_hat):
    if np.shape(y) != np.shape(y_hat):
        raise ValueError("y and y_hat must have the same shape")
    pairs = list(zip(np.ravel(y).tolist(), np.ravel(y_hat).tolist()))
    if not pairs:
        raise ValueError("y is empty")
    return math.fsum(abs(a - b) for a, b in pairs) / len(pairs)
