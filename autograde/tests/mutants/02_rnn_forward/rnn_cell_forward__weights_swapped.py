# breaks: rnn_cell_forward rnn_forward
"""W_x and W_h swap roles: x_t @ W_h + h_prev @ W_x."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    h_next = np.tanh(x_t @ W_h + h_prev @ W_x + b)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
