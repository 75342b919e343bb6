# breaks: decode
"""Joins the characters with spaces."""


def decode(indices, idx_to_char):
    return " ".join(idx_to_char[int(i)] for i in indices)
