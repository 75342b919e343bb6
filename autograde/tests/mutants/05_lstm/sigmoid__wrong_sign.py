# breaks: sigmoid lstm_cell_forward lstm_forward
"""Sign error: 1 / (1 + exp(z)) computes sigmoid(-z)."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    e = np.exp(-np.abs(z))
    return np.where(z <= 0, 1 / (1 + e), e / (1 + e))
