# breaks: sigmoid
"""np.where over two formulas: both branches are evaluated everywhere, so exp overflows in the discarded one."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
