# breaks: pad_batch
"""Pads an empty sequence into an all-padding row instead of raising ValueError."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if len(sequences) == 0:
        raise ValueError("pad_batch needs at least one sequence")
    if maxlen is not None and maxlen < 1:
        raise ValueError("maxlen must be >= 1")
    T = max(len(s) for s in sequences) if maxlen is None else maxlen
    ids = np.full((len(sequences), T), pad_id, dtype=np.int64)
    mask = np.zeros((len(sequences), T), dtype=bool)
    for i, s in enumerate(sequences):
        s = list(s)[:T]
        ids[i, :len(s)] = s
        mask[i, :len(s)] = True
    return ids, mask
