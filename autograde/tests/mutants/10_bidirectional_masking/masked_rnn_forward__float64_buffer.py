# breaks: masked_rnn_forward bidirectional_rnn_forward
"""Allocates the outputs with np.zeros((N, T, H)) (float64), so float32 inputs give float64 results."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    if mask.shape != x.shape[:2] or h0.shape != (x.shape[0], W_h.shape[0]) or W_x.shape[0] != x.shape[2]:
        raise ValueError("shapes do not fit")
    N, T, _ = x.shape
    h = np.zeros((N, T, W_h.shape[0]))
    state = h0 * 1.0
    prev = np.zeros(state.shape)
    for t in range(T):
        new = np.tanh(x[:, t] @ W_x + state @ W_h + b)
        m = mask[:, t][:, None]
        state = np.where(m, new, state)
        prev = np.where(m, new, prev)
        h[:, t] = prev
    return h, state
