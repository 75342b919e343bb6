# breaks: shift_right
"""Shifts the targets array in place and returns it."""
import numpy as np


def shift_right(targets, start_id):
    if np.ndim(targets) != 2 or np.shape(targets)[1] < 1 or not np.issubdtype(np.asarray(targets).dtype, np.integer):
        raise ValueError(f"targets must be (N, T) integer ids, got {np.shape(targets)}")
    targets[:, 1:] = targets[:, :-1].copy()
    targets[:, 0] = start_id
    return targets
