# exercise: decode
"""Look the characters up with numpy fancy indexing, then join."""
import numpy as np


def decode(indices, idx_to_char):
    indices = np.asarray(indices, dtype=np.int64).reshape(-1)
    if indices.size == 0:
        return ""
    table = np.array(idx_to_char, dtype=object)
    return "".join(table[indices].tolist())
