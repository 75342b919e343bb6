# breaks: clip_by_global_norm
"""Multiplies by a numpy float64 factor: float32 gradients come back as float64."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    gn = np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads.values()))
    scale = np.float64(max_norm) / np.maximum(gn, max_norm)
    return {k: g * scale for k, g in grads.items()}, float(gn)
