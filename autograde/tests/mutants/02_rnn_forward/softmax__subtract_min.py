# breaks: softmax
"""Subtracts the row minimum instead of the maximum: exp overflows when logits are far apart."""
import numpy as np


def softmax(z):
    e = np.exp(z - np.min(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
