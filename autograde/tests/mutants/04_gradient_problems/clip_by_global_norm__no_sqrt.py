# breaks: clip_by_global_norm
"""Global norm without the square root (the sum of squares)."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    gn = float(sum(np.sum(g.astype(np.float64) ** 2) for g in grads.values()))
    scale = max_norm / max(gn, max_norm)
    return {k: g * scale for k, g in grads.items()}, gn
