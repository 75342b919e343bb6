# breaks: gru_cell_forward gru_forward
"""Reset gate applied before the recurrent product (reset_after=False style): (r * h) @ W_hh."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    H = h_prev.shape[1]
    sig = lambda v: 1 / (1 + np.exp(-v))
    gx, gh = x_t @ W_x + b[0], h_prev @ W_h + b[1]
    z = sig(gx[:, :H] + gh[:, :H])
    r = sig(gx[:, H:2 * H] + gh[:, H:2 * H])
    h_tilde = np.tanh(gx[:, 2 * H:] + (r * h_prev) @ W_h[:, 2 * H:] + b[1, 2 * H:])
    return z * h_prev + (1 - z) * h_tilde, None
