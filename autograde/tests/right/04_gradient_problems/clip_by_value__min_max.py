# exercise: clip_by_value
"""np.minimum(np.maximum(g, -c), c) in a dict comprehension."""
import numpy as np


def clip_by_value(grads, clip_value):
    if not clip_value > 0:
        raise ValueError(f"clip_value must be positive, got {clip_value}")
    c = float(clip_value)
    return {k: np.minimum(np.maximum(g, -c), c) for k, g in grads.items()}
