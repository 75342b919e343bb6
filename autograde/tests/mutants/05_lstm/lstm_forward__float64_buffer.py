# breaks: lstm_forward
"""Allocates h_seq with np.zeros((N, T, H)) (float64), so float32 inputs give a float64 h_seq."""
import numpy as np


def lstm_forward(x, h0, c0, W_x, W_h, b):
    N, T, D = x.shape
    H = h0.shape[1]
    h_seq = np.zeros((N, T, H))
    h, c = h0, c0
    for t in range(T):
        h, c, _ = lstm_cell_forward(x[:, t], h, c, W_x, W_h, b)
        h_seq[:, t] = h
    return h_seq, h, c
