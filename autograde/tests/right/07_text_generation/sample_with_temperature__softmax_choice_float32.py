# exercise: sample_with_temperature
"""rng.choice with probabilities computed in the logits' dtype and renormalised in float64."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    if np.ndim(logits) != 1 or np.size(logits) < 1:
        raise ValueError("logits must be 1-D and non-empty")
    if not temperature >= 0:
        raise ValueError(f"bad temperature {temperature}")
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    e = np.exp(scaled - np.max(scaled))
    probs = e.astype(np.float64)
    probs /= probs.sum()
    return int(rng.choice(len(probs), p=probs))
