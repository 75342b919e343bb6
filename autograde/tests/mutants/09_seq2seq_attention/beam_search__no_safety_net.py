# breaks: beam_search
"""Plain beam search: can return a worse sequence than greedy."""
import numpy as np


def beam_search(step, init_states, start_id, end_id, beam_width, max_len):
    if beam_width < 1 or max_len < 1:
        raise ValueError(f"beam_width and max_len must be >= 1, got {beam_width} and {max_len}")
    states = tuple(init_states)
    prefixes, scores = [[]], np.zeros(1)
    prev = np.array([start_id], dtype=np.int64)
    best_ids, best_lp = None, -np.inf
    for t in range(max_len):
        log_probs, states = step(prev, states)
        total = scores[:, None] + np.asarray(log_probs, dtype=np.float64)
        V = total.shape[1]
        order = np.argsort(-total, axis=None, kind="stable")[:beam_width]
        order = order[np.isfinite(total.ravel()[order])]
        live = []
        for o in order:
            p, k = o // V, o % V
            if k == end_id:
                if (lambda s, n: s)(total.ravel()[o], len(prefixes[p]) + 1) > (lambda s, n: s)(best_lp, len(best_ids or [0])):
                    best_ids, best_lp = prefixes[p] + [end_id], float(total.ravel()[o])
            else:
                live.append((o, p, k))
        if not live:
            break
        scores = np.array([total.ravel()[o] for o, _, _ in live])
        prefixes = [prefixes[p] + [int(k)] for _, p, k in live]
        states = tuple(np.asarray(s)[np.array([p for _, p, _ in live])] for s in states)
        prev = np.array([k for _, _, k in live], dtype=np.int64)
        if t == max_len - 1:
            for i in range(len(live)):
                if (lambda s, n: s)(scores[i], len(prefixes[i])) > (lambda s, n: s)(best_lp, len(best_ids or [0])):
                    best_ids, best_lp = prefixes[i], float(scores[i])
    if best_ids is None:
        return greedy_decode(step, init_states, start_id, end_id, max_len)
    return np.array(best_ids, dtype=np.int64), best_lp
