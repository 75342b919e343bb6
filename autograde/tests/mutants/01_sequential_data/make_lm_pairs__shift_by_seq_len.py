# breaks: make_lm_pairs
"""Targets are the NEXT chunk (shift by seq_len) instead of a shift by one."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = (len(ids) - 1) // seq_len
    X = np.stack([ids[i * seq_len:(i + 1) * seq_len] for i in range(n)])
    Y = np.stack([np.resize(ids[(i + 1) * seq_len:(i + 2) * seq_len], seq_len) for i in range(n)])
    return X, Y
