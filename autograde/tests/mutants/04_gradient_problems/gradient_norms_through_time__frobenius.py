# breaks: gradient_norms_through_time
"""Frobenius norm of the Jacobian product instead of the spectral norm."""
import numpy as np


def _check(hs, W_h):
    hs, W_h = np.asarray(hs), np.asarray(W_h)
    if hs.ndim != 2 or W_h.shape != (hs.shape[1], hs.shape[1]):
        raise ValueError(f"bad shapes {hs.shape}, {W_h.shape}")
    return hs, W_h


def gradient_norms_through_time(hs, W_h):
    hs, W_h = _check(hs, W_h)
    n, H = hs.shape
    norms = np.ones(n, dtype=hs.dtype)
    P = np.eye(H, dtype=hs.dtype)
    for t in range(n - 2, -1, -1):
        P = P @ ((1 - hs[t + 1] ** 2)[:, None] * W_h.T)
        norms[t] = np.linalg.norm(P)
    return norms
