# breaks: clip_by_global_norm
"""Clips each array by its own norm (like Keras clipnorm) instead of the global norm."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    gn = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads.values())))
    out = {}
    for k, g in grads.items():
        n = float(np.linalg.norm(g))
        out[k] = g * (max_norm / max(n, max_norm))
    return out, gn
