# exercise: rnn_cell_forward
"""np.einsum for both products, shapes checked one by one."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    if x_t.ndim != 2 or h_prev.ndim != 2:
        raise ValueError(f"x_t and h_prev must be 2-D, got {x_t.shape} and {h_prev.shape}")
    N, D = x_t.shape
    H = h_prev.shape[1]
    if h_prev.shape[0] != N:
        raise ValueError(f"batch sizes differ: x_t {x_t.shape}, h_prev {h_prev.shape}")
    if W_x.shape != (D, H):
        raise ValueError(f"W_x has shape {W_x.shape}, expected {(D, H)}")
    if W_h.shape != (H, H):
        raise ValueError(f"W_h has shape {W_h.shape}, expected {(H, H)}")
    if b.shape != (H,):
        raise ValueError(f"b has shape {b.shape}, expected {(H,)}")
    a = np.einsum("nd,dh->nh", x_t, W_x) + np.einsum("nk,kh->nh", h_prev, W_h) + b
    h_next = np.tanh(a)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
