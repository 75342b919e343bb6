# breaks: spectral_radius
"""Largest singular value (the 2-norm) instead of the largest |eigenvalue|."""
import numpy as np


def spectral_radius(W):
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be square, got {W.shape}")
    return float(np.linalg.norm(W, 2))
