# exercise: clip_by_global_norm
"""Global norm accumulated in float64; early return of copies when no clipping is needed."""
import math

import numpy as np


def clip_by_global_norm(grads, max_norm):
    if not max_norm > 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    total = 0.0
    for g in grads.values():
        g64 = np.asarray(g, dtype=np.float64)
        total += float(np.sum(g64 * g64))
    global_norm = math.sqrt(total)
    if global_norm <= max_norm:
        return {k: np.array(g, copy=True) for k, g in grads.items()}, global_norm
    scale = max_norm / global_norm
    return {k: (np.asarray(g, dtype=np.float64) * scale).astype(np.asarray(g).dtype)
            for k, g in grads.items()}, global_norm
