# exercise: rnn_cell_backward
"""np.einsum for every product."""
import numpy as np


def rnn_cell_backward(dh_next, cache):
    x_t, h_prev, W_x, W_h, h_next = cache
    if np.shape(dh_next) != np.shape(h_next):
        raise ValueError(f"dh_next has shape {np.shape(dh_next)}, h_next has {np.shape(h_next)}")
    da = dh_next * (1 - h_next * h_next)
    dx_t = np.einsum("nh,dh->nd", da, W_x)
    dh_prev = np.einsum("nh,kh->nk", da, W_h)
    dW_x = np.einsum("nd,nh->dh", x_t, da)
    dW_h = np.einsum("nk,nh->kh", h_prev, da)
    db = np.einsum("nh->h", da)
    return dx_t, dh_prev, dW_x, dW_h, db
