# breaks: gradient_norms_through_time
"""Off by one: norms[t] = ||J_{T-1} ... J_t|| (includes J_t, so norms[T-1] != 1)."""
import numpy as np


def _check(hs, W_h):
    hs, W_h = np.asarray(hs), np.asarray(W_h)
    if hs.ndim != 2 or W_h.shape != (hs.shape[1], hs.shape[1]):
        raise ValueError(f"bad shapes {hs.shape}, {W_h.shape}")
    return hs, W_h


def gradient_norms_through_time(hs, W_h):
    hs, W_h = _check(hs, W_h)
    n, H = hs.shape
    norms = np.empty(n, dtype=hs.dtype)
    P = np.eye(H, dtype=hs.dtype)
    for t in range(n - 1, -1, -1):
        P = P @ ((1 - hs[t] ** 2)[:, None] * W_h.T)
        norms[t] = np.linalg.norm(P, 2)
    return norms
