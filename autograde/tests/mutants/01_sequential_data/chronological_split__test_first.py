# breaks: chronological_split
"""Takes the test set from the beginning and trains on the end."""
import numpy as np


def chronological_split(X, y, train_frac):
    n = len(X)
    n_train = int(n * train_frac)
    if n_train < 1 or n_train >= n:
        raise ValueError("both parts must be non-empty")
    n_test = n - n_train
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]
