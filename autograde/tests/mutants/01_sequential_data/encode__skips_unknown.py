# breaks: encode
"""Silently skips characters that are not in the vocabulary."""
import numpy as np


def encode(text, char_to_idx):
    return np.array([char_to_idx[c] for c in text if c in char_to_idx], dtype=np.int64)
