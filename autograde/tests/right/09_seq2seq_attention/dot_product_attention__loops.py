# exercise: dot_product_attention
"""A loop over examples and queries, one softmax vector at a time."""
import numpy as np


def dot_product_attention(query, keys, values, mask=None, scale=True):
    query, keys, values = np.asarray(query), np.asarray(keys), np.asarray(values)
    if query.ndim != 3 or keys.ndim != 3 or values.ndim != 3 or keys.shape[0] != query.shape[0] \
            or keys.shape[2] != query.shape[2] or values.shape[:2] != keys.shape[:2]:
        raise ValueError(f"incompatible shapes {query.shape}, {keys.shape}, {values.shape}")
    N, Tq, d = query.shape
    Tk = keys.shape[1]
    if mask is not None and np.shape(mask) != (N, Tk):
        raise ValueError(f"mask must be {(N, Tk)}, got {np.shape(mask)}")
    context = np.zeros((N, Tq, values.shape[2]), dtype=query.dtype)
    weights = np.zeros((N, Tq, Tk), dtype=query.dtype)
    for n in range(N):
        allowed = np.ones(Tk, bool) if mask is None else np.asarray(mask[n], bool)
        if not allowed.any():
            raise ValueError(f"mask row {n} allows no key")
        for i in range(Tq):
            s = keys[n][allowed] @ query[n, i]
            if scale:
                s = s / np.sqrt(d)
            e = np.exp(s - s.max())
            weights[n, i, allowed] = e / e.sum()
            context[n, i] = weights[n, i] @ values[n]
    return context, weights
