# breaks: encode
"""Ignores char_to_idx and numbers the characters of the text itself."""
import numpy as np


def encode(text, char_to_idx):
    for c in text:
        if c not in char_to_idx:
            raise ValueError(f"unknown character {c!r}")
    own = {c: i for i, c in enumerate(sorted(char_to_idx))}
    return np.array([own[c] for c in text], dtype=np.int64)
