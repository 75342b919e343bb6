# breaks: hidden_jacobian gradient_norms_through_time
"""tanh' taken as 1 - h_t instead of 1 - h_t**2."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    h_t, W_h = np.asarray(h_t), np.asarray(W_h)
    if h_t.ndim != 1 or W_h.shape != (h_t.shape[0], h_t.shape[0]):
        raise ValueError(f"bad shapes {h_t.shape}, {W_h.shape}")
    return (1 - h_t)[:, None] * W_h.T
