# breaks: rnn_forward
"""Stores the state before each step, so h[:, 0] is h0 and the sequence is one step late."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    N, T, D = x.shape
    h = np.zeros((N, T, h0.shape[1]), dtype=x.dtype)
    caches = []
    h_t = h0
    for t in range(T):
        h[:, t] = h_t
        h_t, cache = rnn_cell_forward(x[:, t, :], h_t, W_x, W_h, b)
        caches.append(cache)
    return h, caches
