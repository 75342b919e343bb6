# breaks: clip_by_value
"""Rescales each array so its largest |entry| is clip_value instead of clamping entries."""
import numpy as np


def clip_by_value(grads, clip_value):
    if clip_value <= 0:
        raise ValueError(f"clip_value must be positive, got {clip_value}")
    out = {}
    for k, g in grads.items():
        m = float(np.max(np.abs(g))) if g.size else 0.0
        out[k] = g * (clip_value / max(m, clip_value))
    return out
