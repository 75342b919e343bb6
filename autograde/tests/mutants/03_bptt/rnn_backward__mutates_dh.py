# breaks: rnn_backward train_char_rnn
"""Adds the carried gradient into dh in place (dh[:, t] += carried), modifying the caller's array."""
import numpy as np


def rnn_backward(dh, caches):
    N, T, H = dh.shape
    if T != len(caches):
        raise ValueError(f"dh has {T} steps, caches {len(caches)}")
    x0, _, W_x, W_h, _ = caches[0]
    dx = np.zeros((N, T, x0.shape[1]), dtype=dh.dtype)
    dW_x, dW_h, db = np.zeros_like(W_x), np.zeros_like(W_h), np.zeros(H, dtype=dh.dtype)
    carried = np.zeros((N, H), dtype=dh.dtype)
    for t in reversed(range(T)):
        dh[:, t] += carried
        dx[:, t], carried, a, b_, c = rnn_cell_backward(dh[:, t], caches[t])
        dW_x += a; dW_h += b_; db += c
    return dx, carried, dW_x, dW_h, db
