# breaks: generate_text
"""Samples with a fresh unseeded generator instead of the rng argument."""
import numpy as np


def generate_text(model, seed_text, length, char_to_idx, idx_to_char, temperature, rng):
    if not seed_text or any(c not in char_to_idx for c in seed_text):
        raise ValueError("seed_text must be non-empty and use known characters")
    if length < 0 or temperature < 0:
        raise ValueError("length and temperature must be >= 0")
    own = np.random.default_rng()
    ids = [char_to_idx[c] for c in seed_text]
    for _ in range(length):
        logits = np.asarray(model(np.array([ids], dtype=np.int32)))[0, -1]
        ids.append(sample_with_temperature(logits, temperature, own))
    return seed_text + "".join(idx_to_char[i] for i in ids[len(seed_text):])
