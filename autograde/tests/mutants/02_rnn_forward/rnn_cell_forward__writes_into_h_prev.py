# breaks: rnn_cell_forward rnn_forward
"""Writes the new state into h_prev's memory (h_next = h_prev; h_next[...] = ...), mutating an input."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    h_next = h_prev
    h_next[...] = np.tanh(x_t @ W_x + h_prev @ W_h + b)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
