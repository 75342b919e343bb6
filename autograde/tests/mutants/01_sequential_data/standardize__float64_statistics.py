# breaks: standardize
"""Statistics computed as float64 arrays: float32 inputs come back as float64."""
import numpy as np


def standardize(train, test):
    mean = np.mean(train, dtype=np.float64)
    std = np.std(train, dtype=np.float64)
    if std == 0:
        raise ValueError("std is 0")
    return (train.astype(np.float64) - mean) / std, (test.astype(np.float64) - mean) / std, mean, std
