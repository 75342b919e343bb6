# exercise: sigmoid
"""The identity sigma(z) = (1 + tanh(z / 2)) / 2 suggested by the notebook."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    return 0.5 * (1 + np.tanh(0.5 * z))
