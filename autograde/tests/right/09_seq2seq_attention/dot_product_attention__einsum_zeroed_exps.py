# exercise: dot_product_attention
"""einsum in float64, exponentials of masked keys set to zero and renormalised, cast back."""
import numpy as np


def dot_product_attention(query, keys, values, mask=None, scale=True):
    q, k, v = (np.asarray(a) for a in (query, keys, values))
    if not (q.ndim == k.ndim == v.ndim == 3):
        raise ValueError("query, keys and values must all be 3-D")
    if k.shape[0] != q.shape[0] or v.shape[0] != q.shape[0]:
        raise ValueError(f"batch sizes differ: {q.shape[0]}, {k.shape[0]}, {v.shape[0]}")
    if k.shape[2] != q.shape[2]:
        raise ValueError(f"query and keys need the same last size, got {q.shape[2]} and {k.shape[2]}")
    if v.shape[1] != k.shape[1]:
        raise ValueError(f"keys and values need the same Tk, got {k.shape[1]} and {v.shape[1]}")
    m = np.ones(k.shape[:2], dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    if m.shape != k.shape[:2]:
        raise ValueError(f"mask must have shape {k.shape[:2]}, got {m.shape}")
    if (m.sum(axis=1) == 0).any():
        raise ValueError("a mask row allows no key")
    s = np.einsum("nqd,nkd->nqk", q.astype(np.float64), k.astype(np.float64))
    if scale:
        s /= np.sqrt(q.shape[2])
    s = s - np.where(m[:, None, :], s, -np.inf).max(axis=2, keepdims=True)
    e = np.exp(np.minimum(s, 0.0)) * m[:, None, :]
    w = e / e.sum(axis=2, keepdims=True)
    ctx = np.einsum("nqk,nkv->nqv", w, v.astype(np.float64))
    return ctx.astype(q.dtype), w.astype(q.dtype)
