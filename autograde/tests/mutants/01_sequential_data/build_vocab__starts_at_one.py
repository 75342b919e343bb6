# breaks: build_vocab
"""Indices start at 1 (0 reserved for padding) while idx_to_char starts at 0."""


def build_vocab(text):
    idx_to_char = sorted(set(text))
    return {c: i + 1 for i, c in enumerate(idx_to_char)}, idx_to_char
