# breaks: mae
"""Takes the absolute value of the mean error instead of the mean of absolute errors."""
import numpy as np


def mae(y, y_hat):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(f"shapes {y.shape} and {y_hat.shape} differ")
    return float(abs(np.mean(y - y_hat)))
