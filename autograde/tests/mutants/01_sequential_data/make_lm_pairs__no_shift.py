# breaks: make_lm_pairs
"""Targets not shifted: Y is a copy of X."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = (len(ids) - 1) // seq_len
    X = ids[: n * seq_len].reshape(n, seq_len)
    return X, X.copy()
