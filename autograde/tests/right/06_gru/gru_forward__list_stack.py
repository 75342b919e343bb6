# exercise: gru_forward
"""Calls gru_cell_forward in a loop, stacks the states from a list."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError(f"x must be 3-D (N, T, D), got shape {np.shape(x)}")
    states = []
    h = h0
    for t in range(x.shape[1]):
        h, _ = gru_cell_forward(x[:, t, :], h, W_x, W_h, b)
        states.append(h)
    h_seq = np.stack(states, axis=1)
    return h_seq, h_seq[:, -1].copy()
