# breaks: additive_attention
"""tanh applied to q W_q and k W_k separately, then added."""
import numpy as np


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    query, keys, values = np.asarray(query), np.asarray(keys), np.asarray(values)
    W_q, W_k, v = np.asarray(W_q), np.asarray(W_k), np.asarray(v)
    if query.ndim != 2 or keys.ndim != 3 or values.ndim != 3:
        raise ValueError(f"bad ranks: {query.shape}, {keys.shape}, {values.shape}")
    N, dq = query.shape
    _, Tk, dk = keys.shape
    if keys.shape[0] != N or values.shape[:2] != (N, Tk):
        raise ValueError(f"keys {keys.shape} / values {values.shape} do not fit query {query.shape}")
    if v.ndim != 1 or W_q.shape != (dq, v.shape[0]) or W_k.shape != (dk, v.shape[0]):
        raise ValueError(f"bad weights: {W_q.shape}, {W_k.shape}, {v.shape}")
    if mask is None:
        mask = np.ones((N, Tk), dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != (N, Tk) or not mask.any(axis=1).all():
        raise ValueError(f"mask must be {(N, Tk)} with an allowed key per row, got {mask.shape}")
    hidden = np.tanh(query @ W_q)[:, None, :] + np.tanh(keys @ W_k)
    scores = np.where(mask, hidden @ v, -np.inf)
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights = (e / e.sum(axis=1, keepdims=True)).astype(query.dtype)
    return np.einsum("nt,ntv->nv", weights, values).astype(query.dtype), weights
