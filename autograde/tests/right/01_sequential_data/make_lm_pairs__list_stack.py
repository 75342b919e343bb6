# exercise: make_lm_pairs
"""A list of chunks built in a loop, stacked at the end."""
import numpy as np


def make_lm_pairs(ids, seq_len):
    if np.ndim(ids) != 1:
        raise ValueError("ids must be a 1-D array")
    if not seq_len >= 1:
        raise ValueError("seq_len must be at least 1")
    n = len(ids)
    count = (n - 1) // seq_len
    if count <= 0:
        raise ValueError("the text is too short for a single chunk")
    xs, ys = [], []
    for i in range(count):
        start = i * seq_len
        xs.append(ids[start:start + seq_len])
        ys.append(ids[start + 1:start + seq_len + 1])
    return np.stack(xs), np.stack(ys)
