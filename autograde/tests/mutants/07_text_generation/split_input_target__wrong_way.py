# breaks: split_input_target make_dataset
"""Shift the wrong way: inputs ids[1:], targets ids[:-1]."""


def split_input_target(ids):
    if len(ids.shape) != 1 or (ids.shape[0] is not None and ids.shape[0] < 2):
        raise ValueError(f"ids must be 1-D with at least 2 elements, got shape {tuple(ids.shape)}")
    return ids[1:], ids[:-1]
