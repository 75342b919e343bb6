# breaks: gru_forward
"""Every step starts from h0: the new state is never fed into the next step."""
import numpy as np


def gru_forward(x, h0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    steps = [gru_cell_forward(x[:, t], h0, W_x, W_h, b)[0] for t in range(x.shape[1])]
    h_seq = np.stack(steps, axis=1)
    return h_seq, h_seq[:, -1]
