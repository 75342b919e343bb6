# breaks: sample_with_temperature generate_text
"""Always the most likely index, whatever the temperature."""
import numpy as np


def sample_with_temperature(logits, temperature, rng):
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    return int(np.argmax(logits))
