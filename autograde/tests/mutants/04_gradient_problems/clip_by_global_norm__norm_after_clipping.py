# breaks: clip_by_global_norm
"""Returns the global norm of the clipped gradients instead of the original ones."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    gn = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads.values())))
    scale = max_norm / max(gn, max_norm)
    out = {k: g * scale for k, g in grads.items()}
    return out, float(np.sqrt(sum(np.sum(v.astype(np.float64) ** 2) for v in out.values())))
