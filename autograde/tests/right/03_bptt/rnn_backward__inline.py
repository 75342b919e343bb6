# exercise: rnn_backward
"""Does not call rnn_cell_backward: the step is written inline, dx preallocated."""
import numpy as np


def rnn_backward(dh, caches):
    dh = np.asarray(dh)
    T_len = len(caches)
    if T_len == 0:
        raise ValueError("caches is empty")
    x0, h_prev0, W_x, W_h, h1 = caches[0]
    N, H = h1.shape
    D = x0.shape[1]
    if dh.shape != (N, T_len, H):
        raise ValueError(f"dh must be {(N, T_len, H)}, got {dh.shape}")
    dtype = np.result_type(dh, x0, W_x, W_h)
    dx = np.zeros((N, T_len, D), dtype=dtype)
    dW_x = np.zeros(W_x.shape, dtype=dtype)
    dW_h = np.zeros(W_h.shape, dtype=dtype)
    db = np.zeros(H, dtype=dtype)
    carried = np.zeros((N, H), dtype=dtype)
    for t in range(T_len - 1, -1, -1):
        x_t, h_prev, W_x, W_h, h_next = caches[t]
        da = (dh[:, t] + carried) * (1 - h_next ** 2)
        dx[:, t] = da @ W_x.T
        dW_x += x_t.T @ da
        dW_h += h_prev.T @ da
        db += da.sum(axis=0)
        carried = da @ W_h.T
    return dx, carried, dW_x, dW_h, db
