# exercise: lstm_cell_forward
"""Slices the weights per gate and does four separate products; own stable sigmoid inline."""
import numpy as np


def lstm_cell_forward(x_t, h_prev, c_prev, W_x, W_h, b):
    x_t, h_prev, c_prev = np.asarray(x_t), np.asarray(h_prev), np.asarray(c_prev)
    W_x, W_h, b = np.asarray(W_x), np.asarray(W_h), np.asarray(b)
    if h_prev.ndim != 2 or c_prev.shape != h_prev.shape:
        raise ValueError(f"h_prev {h_prev.shape} and c_prev {c_prev.shape} must be the same (N, H)")
    N, H = h_prev.shape
    if x_t.ndim != 2 or x_t.shape[0] != N:
        raise ValueError(f"x_t must be (N={N}, D), got {x_t.shape}")
    D = x_t.shape[1]
    if W_x.shape != (D, 4 * H) or W_h.shape != (H, 4 * H) or b.shape != (4 * H,):
        raise ValueError(f"W_x {W_x.shape}, W_h {W_h.shape}, b {b.shape} do not fit "
                         f"D={D}, H={H} (want (D, 4H), (H, 4H), (4H,))")

    def gate(k):
        cols = slice(k * H, (k + 1) * H)
        return x_t @ W_x[:, cols] + h_prev @ W_h[:, cols] + b[cols]

    def stable_sigmoid(a):
        e = np.exp(-np.abs(a))
        return np.where(a >= 0, 1 / (1 + e), e / (1 + e))

    i = stable_sigmoid(gate(0))
    f = stable_sigmoid(gate(1))
    c_tilde = np.tanh(gate(2))
    o = stable_sigmoid(gate(3))
    c_next = f * c_prev + i * c_tilde
    h_next = o * np.tanh(c_next)
    return h_next, c_next, {"i": i, "f": f, "g": c_tilde, "o": o, "c": c_next}
