# breaks: one_hot
"""Width taken from the data (indices.max() + 1) instead of vocab_size."""
import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    return np.eye(int(indices.max()) + 1, dtype=np.float32)[indices]
