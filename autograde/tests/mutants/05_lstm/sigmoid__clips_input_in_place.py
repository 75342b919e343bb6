# breaks: sigmoid lstm_cell_forward lstm_forward
"""Avoids overflow by clipping z in place, which modifies the caller's array."""
import numpy as np


def sigmoid(z):
    np.clip(z, -500, 500, out=z)
    return 1 / (1 + np.exp(-z))
