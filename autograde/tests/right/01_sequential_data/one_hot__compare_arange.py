# exercise: one_hot
"""Broadcast comparison of indices[..., None] with np.arange(vocab_size)."""
import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    if vocab_size < 1:
        raise ValueError("vocab_size < 1")
    if np.any((indices < 0) | (indices >= vocab_size)):
        raise ValueError("an index lies outside [0, vocab_size)")
    return (indices[..., None] == np.arange(vocab_size)).astype(np.float32)
