# breaks: rnn_forward
"""The state is not carried: every step starts from h0."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    N, T, D = x.shape
    h = np.zeros((N, T, h0.shape[1]), dtype=x.dtype)
    caches = []
    for t in range(T):
        h_t, cache = rnn_cell_forward(x[:, t, :], h0, W_x, W_h, b)
        h[:, t] = h_t
        caches.append(cache)
    return h, caches
