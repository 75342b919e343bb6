# breaks: masked_rnn_forward
"""Starts every sequence from a zero state instead of h0."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    if mask.shape != x.shape[:2] or h0.shape != (x.shape[0], W_h.shape[0]) or W_x.shape[0] != x.shape[2]:
        raise ValueError("shapes do not fit")
    state = np.zeros(h0.shape, dtype=x.dtype)
    prev = np.zeros_like(state)
    out = np.zeros((x.shape[0], x.shape[1], W_h.shape[0]), dtype=x.dtype)
    for t in range(x.shape[1]):
        new = np.tanh(x[:, t] @ W_x + state @ W_h + b).astype(x.dtype)
        m = mask[:, t][:, None]
        state = np.where(m, new, state)
        prev = np.where(m, new, prev)
        out[:, t] = prev
    return out, state
