# breaks: standardize
"""Sample standard deviation (ddof=1) instead of the population one."""
import numpy as np


def standardize(train, test):
    mean, std = train.mean(), train.std(ddof=1)
    if std == 0:
        raise ValueError("std is 0")
    return (train - mean) / std, (test - mean) / std, mean, std
