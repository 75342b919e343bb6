# breaks: pad_batch
"""Pads the caller's lists in place (appends pad_id to them) before stacking."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if len(sequences) == 0 or any(len(s) == 0 for s in sequences):
        raise ValueError("empty batch or empty sequence")
    if maxlen is not None and maxlen < 1:
        raise ValueError("maxlen must be >= 1")
    T = max(len(s) for s in sequences) if maxlen is None else maxlen
    lengths = [min(len(s), T) for s in sequences]
    rows = []
    for s in sequences:
        if isinstance(s, list):
            s.extend([pad_id] * (T - len(s)))
            rows.append(s[:T])
        else:
            rows.append(list(s[:T]) + [pad_id] * (T - len(s[:T])))
    ids = np.array(rows, dtype=np.int64)
    mask = np.arange(T)[None, :] < np.array(lengths)[:, None]
    return ids, mask
