# exercise: chronological_split
"""np.split at one index, copies returned."""
import numpy as np


def chronological_split(X, y, train_frac):
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must have the same length")
    n = X.shape[0]
    cut = int(n * train_frac)
    if not 0 < cut < n:
        raise ValueError("both the training and the test part must be non-empty")
    X_train, X_test = (part.copy() for part in np.split(X, [cut], axis=0))
    y_train, y_test = (part.copy() for part in np.split(y, [cut], axis=0))
    return X_train, X_test, y_train, y_test
