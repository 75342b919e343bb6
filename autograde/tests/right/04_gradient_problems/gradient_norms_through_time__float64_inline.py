# exercise: gradient_norms_through_time
"""Backward accumulation inline in float64 (no hidden_jacobian call), list, cast at the end."""
import numpy as np


def gradient_norms_through_time(hs, W_h):
    if np.ndim(hs) != 2:
        raise ValueError("hs must be 2-D")
    hs = np.asarray(hs)
    T_len, H = hs.shape
    W_h = np.asarray(W_h)
    if W_h.ndim != 2 or W_h.shape != (H, H):
        raise ValueError(f"W_h must be square of size {H}")
    h64, WT = hs.astype(np.float64), W_h.astype(np.float64).T
    product = np.eye(H)
    out = [1.0]
    for s in range(T_len - 1, 0, -1):
        product = product @ ((1.0 - h64[s] ** 2)[:, None] * WT)
        out.append(np.linalg.norm(product, 2))
    return np.array(out[::-1], dtype=hs.dtype)
