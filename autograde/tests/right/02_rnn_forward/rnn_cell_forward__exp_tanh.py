# exercise: rnn_cell_forward
"""tanh written with a stable exponential formula; matmul via np.dot."""
import numpy as np


def rnn_cell_forward(x_t, h_prev, W_x, W_h, b):
    H = W_h.shape[0] if W_h.ndim == 2 else -1
    if (x_t.ndim != 2 or h_prev.ndim != 2 or W_x.ndim != 2 or W_h.shape != (H, H)
            or b.shape != (H,) or h_prev.shape[1] != H or W_x.shape != (x_t.shape[1], H)
            or x_t.shape[0] != h_prev.shape[0]):
        raise ValueError(f"incompatible shapes x_t {x_t.shape}, h_prev {h_prev.shape}, "
                         f"W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape}")
    a = np.dot(x_t, W_x) + np.dot(h_prev, W_h) + b
    e = np.exp(-2 * np.abs(a))               # in (0, 1]: no overflow
    h_next = np.sign(a) * (1 - e) / (1 + e)
    return h_next, (x_t, h_prev, W_x, W_h, h_next)
