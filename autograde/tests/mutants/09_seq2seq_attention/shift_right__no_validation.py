# breaks: shift_right
"""No checks: 1-D, empty or float targets are shifted without a ValueError."""
import numpy as np


def shift_right(targets, start_id):
    targets = np.asarray(targets)
    out = np.empty_like(targets)
    if out.shape[-1]:
        out[..., 0] = start_id
        out[..., 1:] = targets[..., :-1]
    return out
