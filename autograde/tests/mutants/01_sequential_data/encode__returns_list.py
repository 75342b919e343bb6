# breaks: encode
"""Returns a Python list instead of a numpy array."""


def encode(text, char_to_idx):
    for c in text:
        if c not in char_to_idx:
            raise ValueError(f"unknown character {c!r}")
    return [char_to_idx[c] for c in text]
