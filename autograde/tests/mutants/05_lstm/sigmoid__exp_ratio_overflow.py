# breaks: sigmoid lstm_cell_forward lstm_forward
"""exp(z) / (1 + exp(z)): overflows to inf / inf = nan for large positive z."""
import numpy as np


def sigmoid(z):
    e = np.exp(z)
    return e / (1 + e)
