# breaks: split_input_target make_dataset
"""np.asarray on the input: fails on tf tensors inside Dataset.map."""
import numpy as np


def split_input_target(ids):
    ids = np.asarray(ids)
    if ids.ndim != 1 or len(ids) < 2:
        raise ValueError(f"ids must be 1-D with at least 2 elements, got shape {ids.shape}")
    return ids[:-1], ids[1:]
