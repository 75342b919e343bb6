# breaks: spectral_radius
"""Absolute value of the real parts: complex eigenvalues are measured wrongly."""
import numpy as np


def spectral_radius(W):
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be square, got {W.shape}")
    return float(np.max(np.abs(np.real(np.linalg.eigvals(W)))))
