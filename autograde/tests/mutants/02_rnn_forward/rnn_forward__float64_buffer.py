# breaks: rnn_forward
"""Allocates h with np.zeros((N, T, H)) without dtype, so float32 inputs give float64."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    N, T, D = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    caches = []
    h_t = h0
    for t in range(T):
        h_t, cache = rnn_cell_forward(x[:, t, :], h_t, W_x, W_h, b)
        h[:, t] = h_t
        caches.append(cache)
    return h, caches
