# exercise: decode
"""Concatenate the characters in a loop."""


def decode(indices, idx_to_char):
    out = ""
    for i in indices:
        out += idx_to_char[int(i)]
    return out
