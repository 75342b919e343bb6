# breaks: decode
"""Loops over range(len(indices) - 1) and loses the last character."""


def decode(indices, idx_to_char):
    return "".join(idx_to_char[int(indices[j])] for j in range(len(indices) - 1))
