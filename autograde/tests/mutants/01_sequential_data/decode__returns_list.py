# breaks: decode
"""Returns the list of characters instead of a joined string."""


def decode(indices, idx_to_char):
    return [idx_to_char[int(i)] for i in indices]
