# breaks: one_hot
"""Sets the 1 at position index - 1 (wraps around for index 0)."""
import numpy as np


def one_hot(indices, vocab_size):
    return np.eye(vocab_size, dtype=np.float32)[np.asarray(indices) - 1]
