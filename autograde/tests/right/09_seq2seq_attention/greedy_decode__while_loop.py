# exercise: greedy_decode
"""A while loop over a Python list, log-probabilities in float64."""
import numpy as np


def greedy_decode(step, init_states, start_id, end_id, max_len):
    if not max_len >= 1:
        raise ValueError(f"max_len must be at least 1 (got {max_len})")
    out, score, states = [], 0.0, init_states
    token = start_id
    while len(out) < max_len and (not out or out[-1] != end_id):
        lp, states = step(np.asarray([token], dtype=np.int64), states)
        lp = np.asarray(lp, dtype=np.float64).reshape(-1)
        token = int(lp.argmax())
        score += lp[token]
        out.append(token)
    return np.asarray(out, dtype=np.int64), float(score)
