# breaks: sigmoid
"""The textbook 1 / (1 + exp(-z)): exp overflows for large negative z, although the values look right."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    return 1 / (1 + np.exp(-z))
