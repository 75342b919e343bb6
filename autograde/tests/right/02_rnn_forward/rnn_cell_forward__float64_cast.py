# exercise: rnn_cell_forward
"""Computed in float64 for accuracy, cast back to the inputs' result dtype."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    x_t, h_prev, W_x, W_h, b = (np.asarray(a) for a in (x_t, h_prev, W_x, W_h, b))
    try:
        ok = (x_t.ndim == 2 and h_prev.ndim == 2 and W_x.ndim == 2 and W_h.ndim == 2
              and b.ndim == 1 and x_t.shape[0] == h_prev.shape[0]
              and W_x.shape == (x_t.shape[1], h_prev.shape[1])
              and W_h.shape == (h_prev.shape[1], h_prev.shape[1])
              and b.shape[0] == h_prev.shape[1])
    except IndexError:
        ok = False
    if not ok:
        raise ValueError(f"shapes do not fit: x_t {x_t.shape}, h_prev {h_prev.shape}, "
                         f"W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape}")
    dtype = np.result_type(x_t, h_prev, W_x, W_h, b)
    f = np.float64
    a = x_t.astype(f) @ W_x.astype(f) + h_prev.astype(f) @ W_h.astype(f) + b.astype(f)
    h_next = np.tanh(a).astype(dtype)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
