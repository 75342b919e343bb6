# exercise: bidirectional_rnn_forward
"""Per row: its own RNN loops over the first L steps forwards and backwards, written inline."""
import numpy as np


def bidirectional_rnn_forward(x, mask, fw_params, bw_params):
    x, mask = np.asarray(x), np.asarray(mask, dtype=bool)
    if x.ndim != 3 or mask.shape != x.shape[:2]:
        raise ValueError(f"x must be (N, T, D) with mask (N, T), got {x.shape} and {mask.shape}")
    for W_x, W_h, b in (fw_params, bw_params):
        if W_x.shape[0] != x.shape[2] or W_h.shape != (W_x.shape[1], W_x.shape[1]) or b.shape != (W_x.shape[1],):
            raise ValueError("weights do not fit the inputs")
    N, T, _ = x.shape
    H = fw_params[1].shape[0]
    out = np.zeros((N, T, 2 * H), dtype=x.dtype)
    for i in range(N):
        L = int(mask[i].sum())
        W_x, W_h, b = fw_params
        h = np.zeros(H, dtype=x.dtype)
        for t in range(L):
            h = np.tanh(x[i, t] @ W_x + h @ W_h + b).astype(x.dtype)
            out[i, t, :H] = h
        W_x, W_h, b = bw_params
        h = np.zeros(H, dtype=x.dtype)
        for t in reversed(range(L)):
            h = np.tanh(x[i, t] @ W_x + h @ W_h + b).astype(x.dtype)
            out[i, t, H:] = h
    return out
