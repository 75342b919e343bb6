# breaks: chronological_split
"""Shuffles the examples before splitting (a random split)."""
import numpy as np


def chronological_split(X, y, train_frac):
    n = len(X)
    n_train = int(n * train_frac)
    if n_train < 1 or n_train >= n:
        raise ValueError("both parts must be non-empty")
    perm = np.random.default_rng(0).permutation(n)
    X, y = X[perm], y[perm]
    return X[:n_train], X[n_train:], y[:n_train], y[n_train:]
