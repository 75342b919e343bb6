# exercise: standardize
"""Statistics computed in float64, results cast back to each input's dtype."""
import numpy as np


def standardize(train, test):
    train = np.asarray(train)
    test = np.asarray(test)
    t64 = train.astype(np.float64)
    mean = float(t64.mean())
    std = float(np.sqrt(((t64 - mean) ** 2).mean()))
    if std == 0.0:
        raise ValueError("the training data are constant (std = 0): cannot standardise")
    out_train = train.dtype if np.issubdtype(train.dtype, np.floating) else np.float64
    out_test = test.dtype if np.issubdtype(test.dtype, np.floating) else np.float64
    train_s = ((t64 - mean) / std).astype(out_train)
    test_s = ((test.astype(np.float64) - mean) / std).astype(out_test)
    return train_s, test_s, mean, std
