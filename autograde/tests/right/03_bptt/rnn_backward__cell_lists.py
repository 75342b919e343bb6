# exercise: rnn_backward
"""Calls rnn_cell_backward, collects dx_t in a list and sums weight grads with sum()."""
import numpy as np


def rnn_backward(dh, caches):
    if np.ndim(dh) != 3:
        raise ValueError(f"dh must be 3-D (N, T, H), got {np.shape(dh)}")
    h_last = caches[-1][4] if caches else None
    if h_last is None or dh.shape != (h_last.shape[0], len(caches), h_last.shape[1]):
        raise ValueError(f"dh has shape {dh.shape}, which does not match the "
                         f"{len(caches)} caches")
    dxs, dWxs, dWhs, dbs = [], [], [], []
    carried = np.zeros_like(dh[:, 0])
    for t in reversed(range(len(caches))):
        dx_t, carried, dW_x_t, dW_h_t, db_t = rnn_cell_backward(dh[:, t] + carried, caches[t])
        dxs.append(dx_t)
        dWxs.append(dW_x_t)
        dWhs.append(dW_h_t)
        dbs.append(db_t)
    dx = np.stack(dxs[::-1], axis=1)
    return dx, carried, sum(dWxs[1:], dWxs[0]), sum(dWhs[1:], dWhs[0]), sum(dbs[1:], dbs[0])
