# breaks: make_lm_pairs
"""Preallocates with np.zeros((N, L)): the ids come back as float64."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    n = (len(ids) - 1) // seq_len
    X, Y = np.zeros((n, seq_len)), np.zeros((n, seq_len))
    for i in range(n):
        X[i] = ids[i * seq_len:(i + 1) * seq_len]
        Y[i] = ids[i * seq_len + 1:(i + 1) * seq_len + 1]
    return X, Y
