# breaks: clip_by_value
"""Clips only the upper side: np.minimum(g, c)."""
import numpy as np


def clip_by_value(grads, clip_value):
    if clip_value <= 0:
        raise ValueError(f"clip_value must be positive, got {clip_value}")
    return {k: np.minimum(g, clip_value) for k, g in grads.items()}
