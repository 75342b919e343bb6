# exercise: chronological_split
"""Index arrays and np.take along axis 0; validation collected before slicing."""
import numpy as np


def chronological_split(X, y, train_frac):
    X = np.asarray(X)
    y = np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}")
    N = len(X)
    n_train = int(N * train_frac)
    if n_train <= 0 or n_train >= N:
        raise ValueError(f"train_frac={train_frac} with N={N} gives {n_train} training and "
                         f"{N - n_train} test rows; both must be non-empty")
    train_idx = np.arange(n_train)
    test_idx = np.arange(n_train, N)
    return (np.take(X, train_idx, axis=0), np.take(X, test_idx, axis=0),
            np.take(y, train_idx, axis=0), np.take(y, test_idx, axis=0))
