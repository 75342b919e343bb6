# breaks: rnn_backward train_char_rnn
"""Weight gradients overwritten at every step instead of accumulated."""
import numpy as np


def rnn_backward(dh, caches):
    N, T, H = dh.shape
    if T != len(caches):
        raise ValueError(f"dh has {T} steps, caches {len(caches)}")
    x0 = caches[0][0]
    dx = np.zeros((N, T, x0.shape[1]), dtype=dh.dtype)
    carried = np.zeros((N, H), dtype=dh.dtype)
    for t in reversed(range(T)):
        dx[:, t], carried, dW_x, dW_h, db = rnn_cell_backward(dh[:, t] + carried, caches[t])
    return dx, carried, dW_x, dW_h, db
