# exercise: clip_by_global_norm
"""TensorFlow's formula scale = m * min(1/norm, 1/m), norm from np.linalg.norm of each array."""
import numpy as np


def clip_by_global_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError("max_norm must be strictly positive")
    norms = [np.linalg.norm(np.ravel(g)) for g in grads.values()]
    global_norm = float(np.sqrt(np.sum(np.square(norms)))) if norms else 0.0
    inv = 1.0 / global_norm if global_norm > 0 else float("inf")
    scale = float(max_norm * min(inv, 1.0 / max_norm))
    return {k: g * np.asarray(scale, dtype=g.dtype) for k, g in grads.items()}, global_norm
