# exercise: encode
"""Check every character first, then np.fromiter with dtype int64."""
import numpy as np


def encode(text, char_to_idx):
    unknown = [c for c in text if c not in char_to_idx]
    if unknown:
        raise ValueError(f"character {unknown[0]!r} is not in the vocabulary")
    return np.fromiter((char_to_idx[c] for c in text), dtype=np.int64, count=len(text))
