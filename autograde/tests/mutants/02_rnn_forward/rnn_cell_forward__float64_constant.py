# breaks: rnn_cell_forward rnn_forward
"""Builds the pre-activation in a float64 buffer, so float32 inputs give a float64 state."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    z = np.zeros((x_t.shape[0], W_h.shape[0]))
    z += x_t @ W_x
    z += h_prev @ W_h
    z += b
    h_next = np.tanh(z)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
