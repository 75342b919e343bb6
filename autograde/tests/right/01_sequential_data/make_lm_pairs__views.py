# exercise: make_lm_pairs
"""Reshaped views of ids (no copy), validation in one condition."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    if np.ndim(ids) != 1 or seq_len < 1:
        raise ValueError("ids must be 1-D and seq_len >= 1")
    N = (len(ids) - 1) // seq_len
    if N < 1:
        raise ValueError("too short")
    return ids[:N * seq_len].reshape(N, seq_len), ids[1:N * seq_len + 1].reshape(N, seq_len)
