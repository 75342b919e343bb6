# breaks: gru_cell_forward gru_forward
"""Recurrent candidate bias added outside the reset: r * (h @ W_hh) + b1_h."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    H = h_prev.shape[1]
    sig = lambda v: 1 / (1 + np.exp(-v))
    gx = x_t @ W_x + b[0]
    gh = h_prev @ W_h
    z = sig(gx[:, :H] + gh[:, :H] + b[1, :H])
    r = sig(gx[:, H:2 * H] + gh[:, H:2 * H] + b[1, H:2 * H])
    h_tilde = np.tanh(gx[:, 2 * H:] + r * gh[:, 2 * H:] + b[1, 2 * H:])
    return z * h_prev + (1 - z) * h_tilde, None
