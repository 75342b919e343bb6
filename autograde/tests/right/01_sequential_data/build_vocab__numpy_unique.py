# exercise: build_vocab
"""np.unique over the characters, converted back to Python str in a list."""
import numpy as np


def build_vocab(text):
    chars = [str(c) for c in np.unique(np.array(list(text)))] if text else []
    return dict(zip(chars, range(len(chars)))), chars
