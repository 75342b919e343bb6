# breaks: masked_rnn_forward bidirectional_rnn_forward
"""Outputs are right, but h_last is the state of an RNN that also read the pads."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    if mask.shape != x.shape[:2] or h0.shape != (x.shape[0], W_h.shape[0]) or W_x.shape[0] != x.shape[2]:
        raise ValueError("shapes do not fit")
    state = h0.astype(x.dtype)
    unmasked = h0.astype(x.dtype)
    out = np.zeros((x.shape[0], x.shape[1], W_h.shape[0]), dtype=x.dtype)
    prev = np.zeros_like(state)
    for t in range(x.shape[1]):
        new = np.tanh(x[:, t] @ W_x + state @ W_h + b).astype(x.dtype)
        unmasked = np.tanh(x[:, t] @ W_x + unmasked @ W_h + b).astype(x.dtype)
        m = mask[:, t][:, None]
        state = np.where(m, new, state)
        prev = np.where(m, new, prev)
        out[:, t] = prev
    return out, unmasked
