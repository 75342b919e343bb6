# breaks: dot_product_attention
"""Divides the scores by d instead of sqrt(d)."""
import numpy as np


def dot_product_attention(query, keys, values, mask=None, scale=True):
    query, keys, values = np.asarray(query), np.asarray(keys), np.asarray(values)
    if query.ndim != 3 or keys.ndim != 3 or values.ndim != 3:
        raise ValueError(f"query, keys, values must be 3-D, got {query.shape}, {keys.shape}, {values.shape}")
    N, Tq, d = query.shape
    Tk = keys.shape[1]
    if keys.shape[0] != N or keys.shape[2] != d or values.shape[:2] != (N, Tk):
        raise ValueError(f"shapes do not fit: {query.shape}, {keys.shape}, {values.shape}")
    if mask is None:
        mask = np.ones((N, Tk), dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != (N, Tk):
        raise ValueError(f"mask must be {(N, Tk)}, got {mask.shape}")
    if not mask.any(axis=1).all():
        raise ValueError("every mask row needs an allowed key")
    scores = query @ np.swapaxes(keys, 1, 2)
    if scale:
        scores = scores / query.dtype.type(d)
    scores = np.where(mask[:, None, :], scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = (e / e.sum(axis=-1, keepdims=True)).astype(query.dtype)
    return (weights @ values).astype(query.dtype), weights
