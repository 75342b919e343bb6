# breaks: sigmoid lstm_cell_forward lstm_forward
"""Computes in float64 (np.float64 constant), so a float32 input gives a float64 result."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    e = np.exp(-np.abs(z))
    one = np.float64(1.0)
    return np.where(z >= 0, one / (one + e), e / (one + e))
