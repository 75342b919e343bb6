# breaks: encode
"""Lets the dict raise KeyError for an unknown character instead of ValueError."""
import numpy as np


def encode(text, char_to_idx):
    return np.array([char_to_idx[c] for c in text], dtype=np.int64)
