# exercise: split_input_target
"""Rank taken from the static shape (works for numpy and tf), slices with explicit slice objects."""


def split_input_target(ids):
    shape = tuple(ids.shape)
    if len(shape) != 1:
        raise ValueError(f"ids must be 1-D, got shape {shape}")
    if shape[0] is not None and shape[0] < 2:
        raise ValueError(f"ids needs at least 2 elements, got {shape[0]}")
    head, tail = slice(None, -1), slice(1, None)
    return ids[head], ids[tail]
