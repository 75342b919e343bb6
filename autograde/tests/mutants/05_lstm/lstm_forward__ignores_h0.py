# breaks: lstm_forward
"""Starts from h = 0 instead of the given h0."""
import numpy as np


def lstm_forward(x, h0, c0, W_x, W_h, b):
    N, T, D = x.shape
    h, c, hs = np.zeros_like(h0), c0, []
    for t in range(T):
        h, c, _ = lstm_cell_forward(x[:, t], h, c, W_x, W_h, b)
        hs.append(h)
    return np.stack(hs, axis=1), h, c
