# breaks: hidden_jacobian gradient_norms_through_time
"""Fills np.zeros((H, H)) in a loop: right values but always float64."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    h_t, W_h = np.asarray(h_t), np.asarray(W_h)
    if h_t.ndim != 1 or W_h.shape != (h_t.shape[0], h_t.shape[0]):
        raise ValueError(f"bad shapes {h_t.shape}, {W_h.shape}")
    H = h_t.shape[0]
    J = np.zeros((H, H))
    for i in range(H):
        for j in range(H):
            J[i, j] = (1 - h_t[i] ** 2) * W_h[j, i]
    return J
