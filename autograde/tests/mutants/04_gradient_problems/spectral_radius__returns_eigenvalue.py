# breaks: spectral_radius
"""Returns the dominant eigenvalue itself (sign kept) instead of its modulus."""
import numpy as np


def spectral_radius(W):
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be square, got {W.shape}")
    lam = np.linalg.eigvals(W)
    return float(np.real(lam[np.argmax(np.abs(lam))]))
