# breaks: masked_rnn_forward bidirectional_rnn_forward
"""Carries the state but outputs zeros at padded steps (Keras's SimpleRNN repeats the last output)."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    if mask.shape != x.shape[:2] or h0.shape != (x.shape[0], W_h.shape[0]) or W_x.shape[0] != x.shape[2]:
        raise ValueError("shapes do not fit")
    h = h0.astype(x.dtype)
    out = np.zeros((x.shape[0], x.shape[1], W_h.shape[0]), dtype=x.dtype)
    for t in range(x.shape[1]):
        new = np.tanh(x[:, t] @ W_x + h @ W_h + b).astype(x.dtype)
        m = mask[:, t][:, None]
        h = np.where(m, new, h)
        out[:, t] = np.where(m, new, 0)
    return out, h
