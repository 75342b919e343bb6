# breaks: shift_right
"""np.roll without overwriting column 0: the last target wraps around instead of start_id."""
import numpy as np


def shift_right(targets, start_id):
    targets = np.asarray(targets)
    if targets.ndim != 2 or targets.shape[1] < 1 or not np.issubdtype(targets.dtype, np.integer):
        raise ValueError(f"targets must be (N, T) integer ids, got {targets.shape} {targets.dtype}")
    return np.roll(targets, 1, axis=1)
