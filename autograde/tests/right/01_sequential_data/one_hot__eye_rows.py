# exercise: one_hot
"""Rows of a float32 identity matrix selected by the indices."""
import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    if vocab_size < 1:
        raise ValueError(f"vocab_size must be >= 1, got {vocab_size}")
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError(f"indices must lie in [0, {vocab_size})")
    return np.eye(vocab_size, dtype=np.float32)[indices]
