# exercise: sample_with_temperature
"""The Gumbel-max trick: argmax(logits / T + Gumbel noise) is a draw from softmax(logits / T)."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    logits = np.asarray(logits)
    if logits.ndim != 1 or len(logits) == 0:
        raise ValueError("logits must be a non-empty 1-D array")
    if temperature < 0:
        raise ValueError("temperature cannot be negative")
    if temperature == 0:
        return int(logits.argmax())
    noise = rng.gumbel(size=logits.shape[0])
    return int(np.argmax(logits.astype(np.float64) / temperature + noise))
