# breaks: shift_right
"""Shifted left: targets[:, 1:] with start_id appended at the end."""
import numpy as np


def shift_right(targets, start_id):
    targets = np.asarray(targets)
    if targets.ndim != 2 or targets.shape[1] < 1 or not np.issubdtype(targets.dtype, np.integer):
        raise ValueError(f"targets must be (N, T) integer ids, got {targets.shape} {targets.dtype}")
    start = np.full((targets.shape[0], 1), start_id, dtype=targets.dtype)
    return np.concatenate([targets[:, 1:], start], axis=1)
