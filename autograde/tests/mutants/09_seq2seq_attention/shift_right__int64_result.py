# breaks: shift_right
"""Concatenates an int64 start column: int32 targets come back as int64."""
import numpy as np


def shift_right(targets, start_id):
    targets = np.asarray(targets)
    if targets.ndim != 2 or targets.shape[1] < 1 or not np.issubdtype(targets.dtype, np.integer):
        raise ValueError(f"targets must be (N, T) integer ids, got {targets.shape} {targets.dtype}")
    start = np.full((targets.shape[0], 1), start_id, dtype=np.int64)
    return np.concatenate([start, targets[:, :-1]], axis=1)
