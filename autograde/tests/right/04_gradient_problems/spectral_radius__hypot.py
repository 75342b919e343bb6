# exercise: spectral_radius
"""Eigenvalues via eigvals, modulus with np.hypot of real and imaginary parts."""
import numpy as np


def spectral_radius(W):
    if np.ndim(W) != 2:
        raise ValueError("W must be 2-D")
    rows, cols = np.shape(W)
    if rows != cols:
        raise ValueError(f"W must be square, got {rows}x{cols}")
    lam = np.linalg.eigvals(W)
    return float(np.max(np.hypot(lam.real, lam.imag)))
