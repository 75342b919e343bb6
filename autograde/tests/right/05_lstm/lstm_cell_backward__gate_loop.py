# exercise: lstm_cell_backward
"""Loops over the four gate blocks, accumulating dx_t and dh_prev block by block into preallocated arrays."""
import numpy as np


def lstm_cell_backward(dh_next, dc_next, cache):
    x_t, h_prev, c_prev, W_x, W_h, i, f, g, o, c_next = cache
    dh_next = np.asarray(dh_next)
    dc_next = np.asarray(dc_next)
    for name, arr in (("dh_next", dh_next), ("dc_next", dc_next)):
        if arr.shape != c_next.shape:
            raise ValueError(f"{name} has shape {arr.shape}, expected {c_next.shape}")
    H = c_next.shape[1]
    tanh_c = np.tanh(c_next)
    dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
    local = [dc * g * i * (1 - i),                  # i
             dc * c_prev * f * (1 - f),             # f
             dc * i * (1 - g ** 2),                 # c
             dh_next * tanh_c * o * (1 - o)]        # o
    dx_t = np.zeros_like(x_t)
    dh_prev = np.zeros_like(h_prev)
    dW_x = np.empty_like(W_x)
    dW_h = np.empty_like(W_h)
    db = np.empty(4 * H, dtype=dc.dtype)
    for k, dz_k in enumerate(local):
        cols = slice(k * H, (k + 1) * H)
        dx_t = dx_t + dz_k @ W_x[:, cols].T
        dh_prev = dh_prev + dz_k @ W_h[:, cols].T
        dW_x[:, cols] = x_t.T @ dz_k
        dW_h[:, cols] = h_prev.T @ dz_k
        db[cols] = dz_k.sum(axis=0)
    return dx_t, dh_prev, dc * f, dW_x, dW_h, db
