# breaks: one_hot
"""Puts the vocabulary axis first: shape (V,) + indices.shape."""
import numpy as np


def one_hot(indices, vocab_size):
    out = np.eye(vocab_size, dtype=np.float32)[indices]
    return np.moveaxis(out, -1, 0)
