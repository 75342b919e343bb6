# breaks: spectral_radius
"""No shape check: a stack of matrices (3-D input) is silently accepted."""
import numpy as np


def spectral_radius(W):
    return float(np.max(np.abs(np.linalg.eigvals(np.asarray(W)))))
