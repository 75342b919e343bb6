# breaks: build_vocab
"""Returns (idx_to_char, char_to_idx), the two in the wrong order."""


def build_vocab(text):
    idx_to_char = sorted(set(text))
    return idx_to_char, {c: i for i, c in enumerate(idx_to_char)}
