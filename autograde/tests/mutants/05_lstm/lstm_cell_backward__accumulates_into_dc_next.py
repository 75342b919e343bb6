# breaks: lstm_cell_backward
"""Adds the path through h_next into dc_next in place, which modifies the caller's array."""
import numpy as np


def lstm_cell_backward(dh_next, dc_next, cache):
    x_t, h_prev, c_prev, W_x, W_h, i, f, g, o, c_next = cache
    if dh_next.shape != c_next.shape or dc_next.shape != c_next.shape:
        raise ValueError(f"dh_next {dh_next.shape} and dc_next {dc_next.shape} must be {c_next.shape}")
    tanh_c = np.tanh(c_next)
    do = dh_next * tanh_c
    dc = dc_next
    dc += dh_next * o * (1 - tanh_c ** 2)
    dz = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g * g),
                         do * o * (1 - o)], axis=1)
    return dz @ W_x.T, dz @ W_h.T, dc * f, x_t.T @ dz, h_prev.T @ dz, dz.sum(axis=0)
