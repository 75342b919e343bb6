# breaks: gru_forward
"""Returns the first state as h_T instead of the last one."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    h = h0
    steps = []
    for t in range(x.shape[1]):
        h, _ = gru_cell_forward(x[:, t], h, W_x, W_h, b)
        steps.append(h)
    h_seq = np.stack(steps, axis=1)
    return h_seq, h_seq[:, 0]
