# breaks: gru_forward
"""Preallocates h_seq with np.zeros((N, T, H)): float32 inputs give float64 output."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    N, T_steps, _ = x.shape
    h_seq = np.zeros((N, T_steps, h0.shape[1]))
    h = h0
    for t in range(T_steps):
        h, _ = gru_cell_forward(x[:, t], h, W_x, W_h, b)
        h_seq[:, t] = h
    return h_seq, h_seq[:, -1]
