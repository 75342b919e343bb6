# breaks: one_hot
"""Flattens the indices: a (N, T) batch comes back as (N*T, V)."""
import numpy as np


def one_hot(indices, vocab_size):
    flat = np.asarray(indices).reshape(-1)
    out = np.zeros((flat.size, vocab_size), dtype=np.float32)
    out[np.arange(flat.size), flat] = 1.0
    return out
