# breaks: softmax
"""Divides by the sum over all elements instead of per row."""
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
