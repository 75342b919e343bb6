# exercise: one_hot
"""Flatten, set one entry per row in a loop, reshape back."""
import numpy as np


def one_hot(indices, vocab_size):
    idx = np.asarray(indices)
    if int(vocab_size) < 1:
        raise ValueError("vocab_size must be at least 1")
    flat = idx.reshape(-1)
    out = np.zeros((flat.size, vocab_size), dtype=np.float32)
    for row, j in enumerate(flat):
        if not 0 <= j < vocab_size:
            raise ValueError(f"index {j} is outside [0, {vocab_size})")
        out[row, j] = 1.0
    return out.reshape(idx.shape + (vocab_size,))
