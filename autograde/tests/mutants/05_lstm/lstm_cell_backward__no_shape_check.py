# breaks: lstm_cell_backward
"""No shape check: a (N, H) dc_next and a (H,) dc_next both broadcast silently."""
import numpy as np


def lstm_cell_backward(dh_next, dc_next, cache):
    x_t, h_prev, c_prev, W_x, W_h, i, f, g, o, c_next = cache
    tanh_c = np.tanh(c_next)
    do = dh_next * tanh_c
    dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
    dz = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g * g),
                         do * o * (1 - o)], axis=1)
    return dz @ W_x.T, dz @ W_h.T, dc * f, x_t.T @ dz, h_prev.T @ dz, dz.sum(axis=0)
