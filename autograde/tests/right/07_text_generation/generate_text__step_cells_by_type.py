# exercise: generate_text
"""Finds the Embedding, recurrent and Dense layers by type and steps the recurrent cell."""
import keras
import numpy as np


def generate_text(model, seed_text, length, char_to_idx, idx_to_char, temperature, rng):
    if len(seed_text) == 0:
        raise ValueError("empty seed text")
    for c in seed_text:
        if c not in char_to_idx:
            raise ValueError(f"seed character {c!r} is not in the vocabulary")
    if length < 0 or temperature < 0:
        raise ValueError(f"length ({length}) and temperature ({temperature}) must be >= 0")
    embed = next(l for l in model.layers if isinstance(l, keras.layers.Embedding))
    rnn = next(l for l in model.layers if isinstance(l, keras.layers.RNN))
    dense = next(l for l in model.layers if isinstance(l, keras.layers.Dense))
    states = rnn.get_initial_state(1)

    def step(i, states):
        h, states = rnn.cell(embed(np.array([i], dtype="int32")), states)
        return np.asarray(dense(h))[0], states

    for c in seed_text:
        logits, states = step(char_to_idx[c], states)
    chars = list(seed_text)
    for k in range(length):
        i = sample_with_temperature(logits, temperature, rng)
        chars.append(idx_to_char[i])
        if k + 1 < length:
            logits, states = step(i, states)
    return "".join(chars)
