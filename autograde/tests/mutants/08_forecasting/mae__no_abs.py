# breaks: mae
"""Forgets the absolute value, so positive and negative errors cancel."""
import numpy as np


def mae(y, y_hat):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(f"shapes {y.shape} and {y_hat.shape} differ")
    return float(np.mean(y - y_hat))
