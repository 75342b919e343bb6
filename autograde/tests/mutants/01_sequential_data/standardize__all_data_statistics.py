# breaks: standardize
"""Mean and std computed on train and test together (leaks the test period)."""
import numpy as np


def standardize(train, test):
    both = np.concatenate([train.ravel(), test.ravel()])
    mean, std = both.mean(), both.std()
    if std == 0:
        raise ValueError("std is 0")
    return (train - mean) / std, (test - mean) / std, mean, std
