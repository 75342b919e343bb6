# breaks: lstm_forward
"""Passes c0 to every step instead of the previous step's cell state."""
import numpy as np


def lstm_forward(x, h0, c0, W_x, W_h, b):
    N, T, D = x.shape
    h, c, hs = h0, c0, []
    for t in range(T):
        h, c, _ = lstm_cell_forward(x[:, t], h, c0, W_x, W_h, b)
        hs.append(h)
    return np.stack(hs, axis=1), h, c
