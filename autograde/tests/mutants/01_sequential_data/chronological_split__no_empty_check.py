# breaks: chronological_split
"""Returns an empty training or test set instead of raising ValueError."""
import numpy as np


def chronological_split(X, y, train_frac):
    n_train = int(len(X) * train_frac)
    return X[:n_train], X[n_train:], y[:n_train], y[n_train:]
