# exercise: hidden_jacobian
"""einsum 'i,ji->ij' of the tanh slope and W_h."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    if h_t.ndim != 1 or W_h.ndim != 2 or W_h.shape[0] != W_h.shape[1] or W_h.shape[0] != h_t.shape[0]:
        raise ValueError(f"need h_t (H,) and W_h (H, H); got {h_t.shape} and {W_h.shape}")
    return np.einsum("i,ji->ij", 1 - np.square(h_t), W_h).astype(h_t.dtype)
