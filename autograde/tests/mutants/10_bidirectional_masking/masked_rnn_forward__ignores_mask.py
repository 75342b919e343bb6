# breaks: masked_rnn_forward bidirectional_rnn_forward
"""Reads every step, pads included: the mask is never used."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    if mask.shape != x.shape[:2] or h0.shape != (x.shape[0], W_h.shape[0]) or W_x.shape[0] != x.shape[2]:
        raise ValueError("shapes do not fit")
    h = h0.astype(x.dtype)
    out = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_x + h @ W_h + b).astype(x.dtype)
        out.append(h)
    return np.stack(out, axis=1), h
