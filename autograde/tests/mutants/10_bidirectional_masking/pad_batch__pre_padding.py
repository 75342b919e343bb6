# breaks: pad_batch
"""Pads at the front (pre-padding): the real tokens end at the last column."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if len(sequences) == 0 or any(len(s) == 0 for s in sequences):
        raise ValueError("empty batch or empty sequence")
    T = max(len(s) for s in sequences) if maxlen is None else maxlen
    ids = np.full((len(sequences), T), pad_id, dtype=np.int64)
    mask = np.zeros((len(sequences), T), dtype=bool)
    for i, s in enumerate(sequences):
        s = list(s)[:T]
        ids[i, T - len(s):] = s
        mask[i, T - len(s):] = True
    return ids, mask
