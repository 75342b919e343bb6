# exercise: rnn_cell_backward
"""Gradients computed in float64 and cast back to the dtype of the cached values."""
import numpy as np


def rnn_cell_backward(dh_next, cache):
    x_t, h_prev, W_x, W_h, h_next = cache
    dh_next = np.asarray(dh_next)
    if dh_next.shape != h_next.shape:
        raise ValueError("dh_next must have the shape of h_next "
                         f"({h_next.shape}), got {dh_next.shape}")
    dtype = np.result_type(dh_next, x_t, h_prev, W_x, W_h, h_next)
    f = np.float64
    h = h_next.astype(f)
    da = dh_next.astype(f) * (1.0 - h ** 2)
    grads = (da @ W_x.astype(f).T, da @ W_h.astype(f).T,
             x_t.astype(f).T @ da, h_prev.astype(f).T @ da, da.sum(axis=0))
    return tuple(g.astype(dtype) for g in grads)
