# breaks: lstm_cell_forward lstm_forward
"""Sigmoid on the candidate instead of tanh (and so the cell can only grow)."""
import numpy as np


def lstm_cell_forward(x_t, h_prev, c_prev, W_x, W_h, b):
    H = h_prev.shape[1]
    if W_x.shape != (x_t.shape[1], 4 * H) or W_h.shape != (H, 4 * H) or b.shape != (4 * H,):
        raise ValueError("bad shapes")
    if c_prev.shape != h_prev.shape or x_t.shape[0] != h_prev.shape[0]:
        raise ValueError("bad shapes")
    z = x_t @ W_x + h_prev @ W_h + b
    i, f, g, o = sigmoid(z[:, :H]), sigmoid(z[:, H:2 * H]), sigmoid(z[:, 2 * H:3 * H]), sigmoid(z[:, 3 * H:])
    c_next = f * c_prev + i * g
    h_next = o * np.tanh(c_next)
    return h_next, c_next, None
