# breaks: hidden_jacobian gradient_norms_through_time
"""W_h used as is instead of transposed: J[i, j] = (1 - h[i]**2) * W_h[i, j]."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    h_t, W_h = np.asarray(h_t), np.asarray(W_h)
    if h_t.ndim != 1 or W_h.shape != (h_t.shape[0], h_t.shape[0]):
        raise ValueError(f"bad shapes {h_t.shape}, {W_h.shape}")
    return (1 - h_t ** 2)[:, None] * W_h
