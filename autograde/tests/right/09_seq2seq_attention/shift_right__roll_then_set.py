# exercise: shift_right
"""np.roll (which copies), then overwrite the wrapped-around column with start_id."""
import numpy as np


def shift_right(targets, start_id):
    if not isinstance(targets, np.ndarray) or targets.ndim != 2 or targets.shape[1] < 1 \
            or not np.issubdtype(targets.dtype, np.integer):
        raise ValueError("targets must be a 2-D integer array (N, T) with T >= 1, got "
                         f"{getattr(targets, 'shape', None)}")
    out = np.roll(targets, 1, axis=1)
    out[:, 0] = start_id
    return out
