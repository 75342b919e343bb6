# exercise: standardize
"""Mean and population std written out with np.sum and the element count."""
import numpy as np


def standardize(train, test):
    n = train.size
    mu = np.sum(train) / n
    sigma = np.sqrt(np.sum((train - mu) ** 2) / n)
    if not sigma > 0:
        raise ValueError(f"std of the training set is {sigma}; a constant set cannot be scaled")
    train_s = (train - mu) / sigma
    test_s = (test - mu) / sigma
    return train_s.astype(train.dtype, copy=False), test_s.astype(test.dtype, copy=False), mu, sigma
