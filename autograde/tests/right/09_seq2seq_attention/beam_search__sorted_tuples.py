# exercise: beam_search
"""Hypotheses as (score, ids, row) tuples sorted with sorted(); runs to max_len or an empty beam."""
import numpy as np


def beam_search(step, init_states, start_id, end_id, beam_width, max_len):
    if beam_width < 1:
        raise ValueError(f"beam_width must be >= 1, got {beam_width}")
    if max_len < 1:
        raise ValueError(f"max_len must be >= 1, got {max_len}")
    beam = [(0.0, [], 0)]                              # (score, ids, row of its states)
    states, last = init_states, [start_id]
    finished = []
    for _ in range(max_len):
        lp, states = step(np.array(last, dtype=np.int64), states)
        lp = np.asarray(lp, dtype=np.float64)
        cands = [(score + lp[i, k], ids + [k], i)
                 for i, (score, ids, _) in enumerate(beam) for k in range(lp.shape[1])]
        cands = sorted(cands, key=lambda c: -c[0])[:beam_width]
        finished += [c for c in cands if c[1][-1] == end_id]
        beam = [c for c in cands if c[1][-1] != end_id]
        if not beam:
            break
        rows = np.array([c[2] for c in beam])
        states = tuple(np.take(np.asarray(s), rows, axis=0) for s in states)
        last = [c[1][-1] for c in beam]
    pool = finished + beam
    best = max(pool, key=lambda c: c[0]) if pool else None
    g_ids, g_lp = greedy_decode(step, init_states, start_id, end_id, max_len)
    if best is None or g_lp > best[0]:
        return np.asarray(g_ids, dtype=np.int64), float(g_lp)
    return np.array(best[1], dtype=np.int64), float(best[0])
