# breaks: rnn_cell_backward rnn_backward train_char_rnn
"""tanh' computed as 1 - a**2 from the (recomputed) pre-activation instead of 1 - h**2."""
import numpy as np


def rnn_cell_backward(dh_next, cache):
    x_t, h_prev, W_x, W_h, h_next = cache
    if dh_next.shape != h_next.shape:
        raise ValueError(f"dh_next {dh_next.shape} vs h_next {h_next.shape}")
    a = x_t @ W_x + h_prev @ W_h
    da = dh_next * (1 - a ** 2)
    return da @ W_x.T, da @ W_h.T, x_t.T @ da, h_prev.T @ da, da.sum(axis=0)
