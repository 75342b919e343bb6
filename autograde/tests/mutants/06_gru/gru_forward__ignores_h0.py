# breaks: gru_forward
"""Starts from zeros instead of the given h0."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    h = np.zeros_like(h0)
    steps = []
    for t in range(x.shape[1]):
        h, _ = gru_cell_forward(x[:, t], h, W_x, W_h, b)
        steps.append(h)
    return np.stack(steps, axis=1), h
