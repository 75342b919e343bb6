# exercise: additive_attention
"""A loop over the examples in float64, softmax over the allowed keys only, cast back."""
import numpy as np


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    q, K, Vv = np.asarray(query), np.asarray(keys), np.asarray(values)
    Wq, Wk, va = np.asarray(W_q), np.asarray(W_k), np.asarray(v)
    if q.ndim != 2 or K.ndim != 3 or Vv.ndim != 3 or va.ndim != 1:
        raise ValueError("expected query (N, dq), keys (N, Tk, dk), values (N, Tk, dv), v (A,)")
    N, Tk = K.shape[:2]
    if q.shape[0] != N or Vv.shape[:2] != (N, Tk):
        raise ValueError(f"batch/time sizes do not match: {q.shape}, {K.shape}, {Vv.shape}")
    if Wq.shape != (q.shape[1], va.size) or Wk.shape != (K.shape[2], va.size):
        raise ValueError(f"W_q {Wq.shape} / W_k {Wk.shape} do not fit dq={q.shape[1]}, dk={K.shape[2]}, A={va.size}")
    if mask is not None and np.shape(mask) != (N, Tk):
        raise ValueError(f"mask must be {(N, Tk)}")
    ctx = np.empty((N, Vv.shape[2]))
    w = np.zeros((N, Tk))
    for n in range(N):
        ok = np.ones(Tk, bool) if mask is None else np.asarray(mask[n], bool)
        if not ok.any():
            raise ValueError(f"mask row {n} allows no key")
        s = np.tanh(q[n].astype(np.float64) @ Wq + K[n][ok].astype(np.float64) @ Wk) @ va
        e = np.exp(s - s.max())
        w[n, ok] = e / e.sum()
        ctx[n] = w[n] @ Vv[n]
    return ctx.astype(q.dtype), w.astype(q.dtype)
