# breaks: rnn_cell_backward rnn_backward train_char_rnn
"""dW_h computed as da.T @ h_prev (the transpose of the right gradient)."""
import numpy as np


def rnn_cell_backward(dh_next, cache):
    x_t, h_prev, W_x, W_h, h_next = cache
    if dh_next.shape != h_next.shape:
        raise ValueError(f"dh_next {dh_next.shape} vs h_next {h_next.shape}")
    da = dh_next * (1 - h_next ** 2)
    return da @ W_x.T, da @ W_h.T, x_t.T @ da, da.T @ h_prev, da.sum(axis=0)
