# exercise: lstm_cell_backward
"""Derivatives written as s - s*s and (1 - t)(1 + t), blocks joined with np.hstack, shapes checked against h_prev."""
import numpy as np


def lstm_cell_backward(dh_next, dc_next, cache):
    x_t, h_prev, c_prev, W_x, W_h, i, f, g, o, c_next = cache
    if np.shape(dh_next) != np.shape(h_prev):
        raise ValueError(f"dh_next must be {np.shape(h_prev)}, got {np.shape(dh_next)}")
    if np.shape(dc_next) != np.shape(c_prev):
        raise ValueError(f"dc_next must be {np.shape(c_prev)}, got {np.shape(dc_next)}")
    t = np.tanh(c_next)
    d_o = dh_next * t
    d_c = dh_next * o * ((1 - t) * (1 + t)) + dc_next
    d_zi = d_c * g * (i - i * i)
    d_zf = d_c * c_prev * (f - f * f)
    d_zc = d_c * i * ((1 - g) * (1 + g))
    d_zo = d_o * (o - o * o)
    d_z = np.hstack([d_zi, d_zf, d_zc, d_zo])
    return (np.dot(d_z, W_x.T), np.dot(d_z, W_h.T), f * d_c, np.dot(x_t.T, d_z), np.dot(h_prev.T, d_z),
            np.sum(d_z, axis=0))
