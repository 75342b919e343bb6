# breaks: decode
"""Looks characters up at index - 1 (as if indices started at 1)."""


def decode(indices, idx_to_char):
    return "".join(idx_to_char[int(i) - 1] for i in indices)
