# breaks: chronological_split
"""Returns (X_train, y_train, X_test, y_test), the scikit-learn habit reversed."""
import numpy as np


def chronological_split(X, y, train_frac):
    n = len(X)
    n_train = int(n * train_frac)
    if n_train < 1 or n_train >= n:
        raise ValueError("both parts must be non-empty")
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]
