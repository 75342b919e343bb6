# breaks: one_hot
"""Returns float64 (np.eye default) instead of float32."""
import numpy as np


def one_hot(indices, vocab_size):
    return np.eye(vocab_size)[indices]
