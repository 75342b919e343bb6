# exercise: sigmoid
"""exp(-logaddexp(0, -z)) in float64, cast back to the input dtype."""
import numpy as np


def sigmoid(z):
    arr = np.asarray(z)
    out_dtype = arr.dtype if np.issubdtype(arr.dtype, np.floating) else np.float64
    return np.exp(-np.logaddexp(0.0, -arr.astype(np.float64))).astype(out_dtype)
