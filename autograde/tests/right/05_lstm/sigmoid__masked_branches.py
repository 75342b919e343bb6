# exercise: sigmoid
"""Two branches by boolean mask written into a preallocated output."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    dtype = z.dtype if np.issubdtype(z.dtype, np.floating) else np.float64
    z = z.astype(dtype, copy=False)
    out = np.empty(z.shape, dtype=dtype)
    pos = z >= 0
    neg = ~pos
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[neg])
    out[neg] = e / (1 + e)
    return out
