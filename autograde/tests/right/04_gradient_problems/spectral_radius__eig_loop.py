# exercise: spectral_radius
"""np.linalg.eig, moduli taken with a Python loop over complex eigenvalues."""
import numpy as np


def spectral_radius(W):
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be a square matrix, got shape {W.shape}")
    eigenvalues, _ = np.linalg.eig(W.astype(np.float64))
    return max(abs(complex(lam)) for lam in eigenvalues) if len(eigenvalues) else 0.0
