# exercise: rnn_forward
"""Collects the states in a list and stacks them along axis 1."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError(f"x must be (N, T, D), got shape {np.shape(x)}")
    if np.ndim(h0) != 2 or h0.shape[0] != x.shape[0]:
        raise ValueError(f"h0 must be (N, H) with N={x.shape[0]}, got {np.shape(h0)}")
    states, caches = [], []
    h = h0
    for t in range(x.shape[1]):
        h, cache = rnn_cell_forward(x[:, t, :], h, W_x, W_h, b)
        states.append(h)
        caches.append(cache)
    if not states:
        dtype = np.result_type(x, h0, W_x, W_h, b)
        return np.zeros((x.shape[0], 0, h0.shape[1]), dtype=dtype), caches
    return np.stack(states, axis=1), caches
