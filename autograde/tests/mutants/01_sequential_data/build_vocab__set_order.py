# breaks: build_vocab
"""Vocabulary in first-appearance order instead of sorted order."""


def build_vocab(text):
    idx_to_char = list(dict.fromkeys(text))
    return {c: i for i, c in enumerate(idx_to_char)}, idx_to_char
