# exercise: hidden_jacobian
"""The definition J[i, j] = (1 - h[i]^2) W_h[j, i], two nested loops."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    if np.ndim(h_t) != 1:
        raise ValueError("h_t must be a 1-D vector")
    H = len(h_t)
    if np.shape(W_h) != (H, H):
        raise ValueError(f"W_h has shape {np.shape(W_h)}, expected ({H}, {H})")
    J = np.empty((H, H), dtype=h_t.dtype)
    for i in range(H):
        slope = 1 - h_t[i] * h_t[i]
        for j in range(H):
            J[i, j] = slope * W_h[j, i]
    return J
