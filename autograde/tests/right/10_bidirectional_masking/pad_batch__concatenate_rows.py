# exercise: pad_batch
"""Each row is np.concatenate of the truncated sequence and np.full padding; rows stacked."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if len(sequences) < 1:
        raise ValueError("sequences is empty")
    arrays = [np.asarray(s, dtype=np.int64).ravel() for s in sequences]
    if min(a.size for a in arrays) == 0:
        raise ValueError("one of the sequences is empty")
    if maxlen is not None and maxlen <= 0:
        raise ValueError("maxlen must be positive")
    T = maxlen or max(a.size for a in arrays)
    id_rows, mask_rows = [], []
    for a in arrays:
        a = a[:T]
        id_rows.append(np.concatenate([a, np.full(T - a.size, pad_id, dtype=np.int64)]))
        mask_rows.append(np.concatenate([np.ones(a.size, bool), np.zeros(T - a.size, bool)]))
    return np.stack(id_rows), np.stack(mask_rows)
