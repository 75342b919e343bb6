# exercise: rmse
"""A loop over the flattened values with math.fsum."""
import math

import numpy as np


def rmse(y, y_hat):
    if np.shape(y) != np.shape(y_hat):
        raise ValueError(f"y and y_hat must have the same shape, got {np.shape(y)} and {np.shape(y_hat)}")
    a = np.ravel(y)
    b = np.ravel(y_hat)
    if len(a) == 0:
        raise ValueError("empty input")
    return math.sqrt(math.fsum((float(u) - float(v)) ** 2 for u, v in zip(a, b)) / len(a))
