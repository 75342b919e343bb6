# breaks: standardize
"""Standardises the test set with its own mean and std."""
import numpy as np


def standardize(train, test):
    mean, std = train.mean(), train.std()
    if std == 0:
        raise ValueError("std is 0")
    return (train - mean) / std, (test - test.mean()) / test.std(), mean, std
