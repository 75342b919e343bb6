# exercise: mae
"""np.abs(...).sum() / size, returned as a numpy scalar."""
import numpy as np


def mae(y, y_hat):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(f"y {y.shape} and y_hat {y_hat.shape} have different shapes")
    if y.size == 0:
        raise ValueError("cannot compute the MAE of empty arrays")
    return np.abs(y - y_hat).sum() / y.size
