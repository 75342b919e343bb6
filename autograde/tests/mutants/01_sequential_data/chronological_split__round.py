# breaks: chronological_split
"""Uses round(N * train_frac) instead of int(N * train_frac)."""
import numpy as np


def chronological_split(X, y, train_frac):
    n = len(X)
    n_train = round(n * train_frac)
    if n_train < 1 or n_train >= n:
        raise ValueError("both parts must be non-empty")
    return X[:n_train], X[n_train:], y[:n_train], y[n_train:]
