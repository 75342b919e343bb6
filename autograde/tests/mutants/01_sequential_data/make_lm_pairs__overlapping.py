# breaks: make_lm_pairs
"""Overlapping chunks (stride 1) instead of non-overlapping ones."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = (len(ids) - 1) // seq_len
    X = np.stack([ids[i:i + seq_len] for i in range(n)])
    Y = np.stack([ids[i + 1:i + seq_len + 1] for i in range(n)])
    return X, Y
