# breaks: clip_by_global_norm
"""Scales the caller's arrays in place (g *= scale)."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    gn = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads.values())))
    scale = max_norm / max(gn, max_norm)
    for g in grads.values():
        g *= scale
    return dict(grads), gn
