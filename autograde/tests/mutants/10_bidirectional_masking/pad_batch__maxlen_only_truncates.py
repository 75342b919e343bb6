# breaks: pad_batch
"""Uses min(maxlen, longest) as T, so a batch shorter than maxlen is not padded up to maxlen."""
import numpy as np


def pad_batch(sequences, pad_id=0, maxlen=None):
    if len(sequences) == 0 or any(len(s) == 0 for s in sequences):
        raise ValueError("empty batch or empty sequence")
    if maxlen is not None and maxlen < 1:
        raise ValueError("maxlen must be >= 1")
    T = max(len(s) for s in sequences)
    if maxlen is not None:
        T = min(T, maxlen)
    ids = np.full((len(sequences), T), pad_id, dtype=np.int64)
    mask = np.zeros((len(sequences), T), dtype=bool)
    for i, s in enumerate(sequences):
        s = list(s)[:T]
        ids[i, :len(s)] = s
        mask[i, :len(s)] = True
    return ids, mask
