# breaks: clip_by_value
"""Accepts a zero or negative clip_value without raising ValueError."""
import numpy as np


def clip_by_value(grads, clip_value):
    return {k: np.clip(g, -abs(clip_value), abs(clip_value)) for k, g in grads.items()}
