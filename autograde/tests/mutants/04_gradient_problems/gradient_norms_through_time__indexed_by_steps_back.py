# breaks: gradient_norms_through_time
"""Returns the norms indexed by steps back k (norms[0] = 1) instead of by time t."""
import numpy as np


def _check(hs, W_h):
    hs, W_h = np.asarray(hs), np.asarray(W_h)
    if hs.ndim != 2 or W_h.shape != (hs.shape[1], hs.shape[1]):
        raise ValueError(f"bad shapes {hs.shape}, {W_h.shape}")
    return hs, W_h


def gradient_norms_through_time(hs, W_h):
    hs, W_h = _check(hs, W_h)
    n, H = hs.shape
    norms = [1.0]
    P = np.eye(H, dtype=hs.dtype)
    for t in range(n - 2, -1, -1):
        P = P @ ((1 - hs[t + 1] ** 2)[:, None] * W_h.T)
        norms.append(np.linalg.norm(P, 2))
    return np.array(norms, dtype=hs.dtype)
