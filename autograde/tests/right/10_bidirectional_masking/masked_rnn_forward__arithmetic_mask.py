# exercise: masked_rnn_forward
"""The mask as numbers: h = m * candidate + (1 - m) * h, outputs collected in a list."""
import numpy as np


def masked_rnn_forward(x, mask, h0, W_x, W_h, b):
    N, T, D = x.shape
    H = W_h.shape[0]
    if np.shape(mask) != (N, T) or h0.shape != (N, H) or W_x.shape != (D, H) or W_h.shape != (H, H) \
            or b.shape != (H,):
        raise ValueError(f"incompatible shapes x {x.shape}, mask {np.shape(mask)}, h0 {h0.shape}, "
                         f"W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape}")
    m = np.asarray(mask).astype(x.dtype)[:, :, None]
    h = h0.astype(x.dtype)
    y = np.zeros_like(h)
    outs = []
    for t in range(T):
        cand = np.tanh(x[:, t] @ W_x + h @ W_h + b).astype(x.dtype)
        h = m[:, t] * cand + (1 - m[:, t]) * h
        y = m[:, t] * cand + (1 - m[:, t]) * y
        outs.append(y)
    return np.stack(outs, axis=1).astype(x.dtype), h.astype(x.dtype)
