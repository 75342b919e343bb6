# exercise: lstm_forward
"""Inline recurrence in float64 with the input projection precomputed for all steps."""
import numpy as np


def lstm_forward(x, h0, c0, W_x, W_h, b):
    x, h0, c0, W_x, W_h, b = (np.asarray(a) for a in (x, h0, c0, W_x, W_h, b))
    if x.ndim != 3:
        raise ValueError("x must be 3-D (N, T, D)")
    N, T_len, D = x.shape
    if h0.ndim != 2:
        raise ValueError("h0 must be 2-D (N, H)")
    H = h0.shape[1]
    if (h0.shape != (N, H) or c0.shape != (N, H) or W_x.shape != (D, 4 * H)
            or W_h.shape != (H, 4 * H) or b.shape != (4 * H,)):
        raise ValueError(f"shapes do not fit: x {x.shape}, h0 {h0.shape}, c0 {c0.shape}, "
                         f"W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape}")
    dtype = np.result_type(x, h0, c0, W_x, W_h, b)
    f64 = np.float64
    sig = lambda a: np.exp(-np.logaddexp(0.0, -a))
    xw = x.astype(f64) @ W_x.astype(f64) + b.astype(f64)      # (N, T, 4H)
    Wh = W_h.astype(f64)
    h, c = h0.astype(f64), c0.astype(f64)
    out = np.empty((N, T_len, H), dtype=f64)
    for t in range(T_len):
        z = xw[:, t] + h @ Wh
        i, f, g, o = sig(z[:, :H]), sig(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), sig(z[:, 3 * H:])
        c = f * c + i * g
        h = o * np.tanh(c)
        out[:, t] = h
    return out.astype(dtype), h.astype(dtype), c.astype(dtype)
