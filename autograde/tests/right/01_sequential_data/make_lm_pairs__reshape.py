# exercise: make_lm_pairs
"""Trim and reshape the shifted ids into (N, L) blocks."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    if ids.ndim != 1:
        raise ValueError(f"ids must be 1-D, got shape {ids.shape}")
    if seq_len < 1:
        raise ValueError("seq_len must be >= 1")
    N = (len(ids) - 1) // seq_len
    if N < 1:
        raise ValueError(f"{len(ids)} ids are too few for one chunk of {seq_len}")
    X = ids[:N * seq_len].reshape(N, seq_len).copy()
    Y = ids[1:N * seq_len + 1].reshape(N, seq_len).copy()
    return X, Y
