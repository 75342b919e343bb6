# exercise: hidden_jacobian
"""np.diag(1 - h**2) @ W_h.T, cast to h_t's dtype."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    h_t = np.asarray(h_t)
    W_h = np.asarray(W_h)
    if h_t.ndim != 1:
        raise ValueError(f"h_t must be 1-D (H,), got {h_t.shape}")
    H = h_t.shape[0]
    if W_h.shape != (H, H):
        raise ValueError(f"W_h must be {(H, H)}, got {W_h.shape}")
    return (np.diag(1 - h_t ** 2) @ W_h.T).astype(h_t.dtype, copy=False)
