# breaks: standardize
"""No check for a constant training set: divides by zero and returns NaN/inf."""
import numpy as np


def standardize(train, test):
    mean, std = train.mean(), train.std()
    with np.errstate(all="ignore"):
        return (train - mean) / std, (test - mean) / std, mean, std
