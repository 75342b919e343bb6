# breaks: sample_with_temperature generate_text
"""Softmax without subtracting the maximum: overflows for large logits."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    logits = np.asarray(logits)
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if temperature == 0:
        return int(np.argmax(logits))
    p = np.exp(logits / temperature)
    p = p / p.sum()
    p = np.nan_to_num(p)
    p = p / p.sum() if p.sum() > 0 else np.full(len(p), 1 / len(p))
    return int(rng.choice(len(p), p=p))
