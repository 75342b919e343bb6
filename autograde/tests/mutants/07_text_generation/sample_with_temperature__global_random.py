# breaks: sample_with_temperature generate_text
"""Draws with np.random (global state) instead of the rng argument."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    logits = np.asarray(logits, dtype=np.float64)
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if temperature == 0:
        return int(np.argmax(logits))
    z = logits / temperature
    p = np.exp(z - z.max())
    p /= p.sum()
    return int(np.random.choice(len(p), p=p))
