# breaks: encode
"""Returns int32 indices instead of int64."""
import numpy as np


def encode(text, char_to_idx):
    for c in text:
        if c not in char_to_idx:
            raise ValueError(f"unknown character {c!r}")
    return np.array([char_to_idx[c] for c in text], dtype=np.int32)
