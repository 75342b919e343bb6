# exercise: build_vocab
"""A loop over the sorted characters filling the dict."""


def build_vocab(text):
    idx_to_char = sorted(set(text))
    char_to_idx = {}
    for i, c in enumerate(idx_to_char):
        char_to_idx[c] = i
    return char_to_idx, idx_to_char
