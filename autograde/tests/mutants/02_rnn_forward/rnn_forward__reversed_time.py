# breaks: rnn_forward
"""Reads the sequence backwards (t from T-1 down to 0)."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    N, T, D = x.shape
    h = np.zeros((N, T, h0.shape[1]), dtype=x.dtype)
    caches = []
    h_t = h0
    for t in reversed(range(T)):
        h_t, cache = rnn_cell_forward(x[:, t, :], h_t, W_x, W_h, b)
        h[:, t] = h_t
        caches.append(cache)
    return h, caches
