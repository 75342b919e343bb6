# exercise: generate_text
"""Re-runs the whole model on the text so far at every step and takes the last position's logits."""
import numpy as np


def generate_text(model, seed_text, length, char_to_idx, idx_to_char, temperature, rng):
    if not seed_text:
        raise ValueError("seed_text must not be empty")
    missing = sorted({c for c in seed_text if c not in char_to_idx})
    if missing:
        raise ValueError(f"characters not in the vocabulary: {missing}")
    if length < 0:
        raise ValueError(f"length must be >= 0, got {length}")
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    ids = [char_to_idx[c] for c in seed_text]
    out = [seed_text]
    for _ in range(length):
        logits = np.asarray(model(np.array([ids], dtype="int32"), training=False))[0, -1]
        nxt = sample_with_temperature(logits, temperature, rng)
        ids.append(nxt)
        out.append(idx_to_char[nxt])
    return "".join(out)
