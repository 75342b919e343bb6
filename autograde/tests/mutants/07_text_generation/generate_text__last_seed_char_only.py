# breaks: generate_text
"""Ignores the seed text except its last character: the state starts from that one character."""
import numpy as np


def generate_text(model, seed_text, length, char_to_idx, idx_to_char, temperature, rng):
    if not seed_text or any(c not in char_to_idx for c in seed_text):
        raise ValueError("seed_text must be non-empty and use known characters")
    if length < 0 or temperature < 0:
        raise ValueError("length and temperature must be >= 0")
    ids = [char_to_idx[seed_text[-1]]]
    out = ""
    for _ in range(length):
        logits = np.asarray(model(np.array([ids], dtype=np.int32)))[0, -1]
        i = sample_with_temperature(logits, temperature, rng)
        ids.append(i)
        out += idx_to_char[i]
    return seed_text + out
