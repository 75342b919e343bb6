# exercise: lstm_forward
"""Calls lstm_cell_forward, collects h in a list, np.stack(axis=1)."""
import numpy as np


def lstm_forward(x, h0, c0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError(f"x must be (N, T, D), got shape {np.shape(x)}")
    if np.shape(h0) != np.shape(c0) or np.ndim(h0) != 2 or h0.shape[0] != x.shape[0]:
        raise ValueError(f"h0 {np.shape(h0)} and c0 {np.shape(c0)} must both be (N, H), N={x.shape[0]}")
    h, c = h0, c0
    hs = []
    for t in range(x.shape[1]):
        h, c, _ = lstm_cell_forward(x[:, t], h, c, W_x, W_h, b)
        hs.append(h)
    return np.stack(hs, axis=1), h, c
