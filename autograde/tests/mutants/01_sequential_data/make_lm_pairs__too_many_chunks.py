# breaks: make_lm_pairs
"""N = len(ids) // seq_len; the last target is cut short and padded with 0."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = len(ids) // seq_len
    X = ids[: n * seq_len].reshape(n, seq_len)
    Y = np.concatenate([ids[1: n * seq_len + 1], np.zeros(max(0, n * seq_len + 1 - len(ids)), ids.dtype)])
    return X, Y.reshape(n, seq_len)
