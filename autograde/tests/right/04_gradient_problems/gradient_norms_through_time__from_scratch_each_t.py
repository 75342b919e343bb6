# exercise: gradient_norms_through_time
"""For every t the product J_{T-1}...J_{t+1} is rebuilt from the left (O(T^2)), norm by SVD."""
import numpy as np


def gradient_norms_through_time(hs, W_h):
    hs = np.asarray(hs)
    if hs.ndim != 2:
        raise ValueError(f"hs must be (T, H), got {hs.shape}")
    T_len, H = hs.shape
    if np.shape(W_h) != (H, H):
        raise ValueError(f"W_h must be ({H}, {H}), got {np.shape(W_h)}")
    norms = np.empty(T_len, dtype=hs.dtype)
    for t in range(T_len):
        P = np.eye(H)
        for s in range(T_len - 1, t, -1):            # J_{T-1} on the left
            P = P @ hidden_jacobian(hs[s], W_h)
        norms[t] = np.linalg.svd(P, compute_uv=False)[0]
    return norms
