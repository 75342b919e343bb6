# breaks: build_vocab
"""list(set(text)): the order depends on Python's hashing, not sorted."""


def build_vocab(text):
    idx_to_char = list(set(text))
    return {c: i for i, c in enumerate(idx_to_char)}, idx_to_char
