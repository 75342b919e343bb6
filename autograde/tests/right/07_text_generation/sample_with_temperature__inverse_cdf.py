# exercise: sample_with_temperature
"""Inverse-CDF sampling: one rng.random() draw against the cumulative probabilities (float64)."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    logits = np.asarray(logits)
    if logits.ndim != 1 or logits.size == 0:
        raise ValueError(f"logits must be a non-empty 1-D array, got shape {logits.shape}")
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if temperature == 0:
        return int(np.argmax(logits))
    z = logits.astype(np.float64) / float(temperature)
    p = np.exp(z - z.max())
    cdf = np.cumsum(p)
    u = rng.random() * cdf[-1]
    return int(min(np.searchsorted(cdf, u, side="right"), logits.size - 1))
