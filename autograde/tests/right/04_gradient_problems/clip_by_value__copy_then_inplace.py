# exercise: clip_by_value
"""Copies each array, then clips the copy in place with np.clip(out=...)."""
import numpy as np


def clip_by_value(grads, clip_value):
    if clip_value <= 0:
        raise ValueError("clip_value must be > 0")
    clipped = {}
    for name, g in grads.items():
        c = np.array(g, copy=True)
        np.clip(c, -clip_value, clip_value, out=c)
        clipped[name] = c
    return clipped
