# breaks: gru_forward
"""Iterates over time backwards (t = T-1 .. 0) but stores states in forward order."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    h = h0
    steps = []
    for t in reversed(range(x.shape[1])):
        h, _ = gru_cell_forward(x[:, t], h, W_x, W_h, b)
        steps.append(h)
    return np.stack(steps, axis=1), h
