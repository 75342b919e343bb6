# breaks: standardize
"""Modifies the caller's arrays in place (train -= mean ...)."""
import numpy as np


def standardize(train, test):
    mean, std = train.mean(), train.std()
    if std == 0:
        raise ValueError("std is 0")
    train -= mean
    train /= std
    test -= mean
    test /= std
    return train, test, mean, std
