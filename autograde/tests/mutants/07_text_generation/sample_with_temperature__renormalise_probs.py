# breaks: sample_with_temperature generate_text
"""Temperature applied to probabilities: p/T renormalised (which cancels out)."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    logits = np.asarray(logits, dtype=np.float64)
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if temperature == 0:
        return int(np.argmax(logits))
    p = np.exp(logits - logits.max())
    p /= p.sum()
    p = p / temperature
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
