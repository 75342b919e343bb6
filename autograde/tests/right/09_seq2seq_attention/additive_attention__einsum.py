# exercise: additive_attention
"""einsum for the projections and the read-out; masked scores set to -inf."""
import numpy as np


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    query, keys, values = np.asarray(query), np.asarray(keys), np.asarray(values)
    try:
        proj = np.einsum("nq,qa->na", query, W_q)[:, None, :] + np.einsum("ntk,ka->nta", keys, W_k)
        scores = np.einsum("nta,a->nt", np.tanh(proj), v)
    except ValueError as err:
        raise ValueError(f"shapes do not fit together: {err}") from None
    if query.ndim != 2 or keys.ndim != 3 or values.ndim != 3 or values.shape[:2] != keys.shape[:2] \
            or query.shape[0] != keys.shape[0] or np.ndim(v) != 1:
        raise ValueError(f"bad shapes {query.shape}, {keys.shape}, {values.shape}")
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != scores.shape or not mask.any(axis=1).all():
            raise ValueError(f"mask must be {scores.shape} with an allowed key in every row")
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=1, keepdims=True)
    w = w.astype(query.dtype)
    return np.einsum("nt,ntv->nv", w, values).astype(query.dtype), w
