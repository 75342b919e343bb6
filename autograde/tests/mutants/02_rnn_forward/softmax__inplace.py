# breaks: softmax
"""Subtracts the maximum in place (z -= ...), mutating the caller's logits."""
import numpy as np


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
