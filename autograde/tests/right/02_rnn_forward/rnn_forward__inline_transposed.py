# exercise: rnn_forward
"""Does not call the cell: works on x transposed to time-major, writes into a buffer."""
import numpy as np


def rnn_forward(x, h0, W_x, W_h, b):
    x = np.asarray(x)
    if x.ndim != 3:
        raise ValueError("x must be 3-D (N, T, D)")
    N, T_len, D = x.shape
    if h0.ndim != 2 or h0.shape[0] != N:
        raise ValueError(f"h0 {h0.shape} does not fit x {x.shape}")
    H = h0.shape[1]
    if W_x.shape != (D, H) or W_h.shape != (H, H) or b.shape != (H,):
        raise ValueError(f"weights W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape} do not fit "
                         f"D={D}, H={H}")
    dtype = np.result_type(x, h0, W_x, W_h, b)
    xs = np.transpose(x, (1, 0, 2))            # (T, N, D), a view
    out = np.zeros((T_len, N, H), dtype=dtype)
    caches = []
    h_prev = h0
    for t in range(T_len):
        h_new = np.tanh(xs[t] @ W_x + h_prev @ W_h + b)
        out[t] = h_new
        caches.append((xs[t], h_prev, W_x, W_h, h_new))
        h_prev = h_new
    return np.ascontiguousarray(out.transpose(1, 0, 2)), caches
