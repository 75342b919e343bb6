# exercise: gru_cell_forward
"""Two fused products (input side, recurrent side) split with np.split; uses the given sigmoid."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    if x_t.ndim != 2 or h_prev.ndim != 2 or x_t.shape[0] != h_prev.shape[0]:
        raise ValueError(f"x_t {x_t.shape} and h_prev {h_prev.shape} must be (N, D) and (N, H)")
    D, H = x_t.shape[1], h_prev.shape[1]
    for name, arr, shape in (("W_x", W_x, (D, 3 * H)), ("W_h", W_h, (H, 3 * H)), ("b", b, (2, 3 * H))):
        if arr.shape != shape:
            raise ValueError(f"{name} has shape {arr.shape}, expected {shape}")
    gx = x_t @ W_x + b[0]
    gh = h_prev @ W_h + b[1]
    xz, xr, xh = np.split(gx, 3, axis=1)
    hz, hr, hh = np.split(gh, 3, axis=1)
    z = sigmoid(xz + hz)
    r = sigmoid(xr + hr)
    h_tilde = np.tanh(xh + r * hh)
    h_next = z * h_prev + (1 - z) * h_tilde
    cache = (x_t, h_prev, W_x, W_h, b, z, r, h_tilde, hh)
    return h_next, cache
