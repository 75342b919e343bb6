# breaks: greedy_decode beam_search build_seq2seq
"""Calls step with the initial states every time (the new states are dropped)."""
import numpy as np


def greedy_decode(step, init_states, start_id, end_id, max_len):
    if max_len < 1:
        raise ValueError(f"max_len must be >= 1, got {max_len}")
    states, prev = tuple(init_states), int(start_id)
    ids, total = [], 0.0
    for _ in range(max_len):
        log_probs, _unused = step(np.array([prev], dtype=np.int64), states)
        row = np.asarray(log_probs)[0]
        prev = int(np.argmax(row))
        total += float(row[prev])
        ids.append(prev)
        if prev == end_id:
            break
    return np.array(ids, dtype=np.int64), total
