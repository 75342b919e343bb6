# exercise: pad_batch
"""Rows built as padded Python lists, then one np.array call; mask from the lengths."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if not len(sequences):
        raise ValueError("no sequences to pad")
    rows = [list(np.asarray(s).tolist()) for s in sequences]
    if any(len(r) == 0 for r in rows):
        raise ValueError("cannot pad an empty sequence")
    if maxlen is not None and maxlen < 1:
        raise ValueError(f"maxlen must be at least 1, got {maxlen}")
    width = maxlen if maxlen is not None else max(map(len, rows))
    kept = [r[:width] for r in rows]
    ids = np.array([r + [pad_id] * (width - len(r)) for r in kept], dtype=np.int64)
    lengths = np.array([len(r) for r in kept])
    return ids, np.arange(width) < lengths[:, None]
