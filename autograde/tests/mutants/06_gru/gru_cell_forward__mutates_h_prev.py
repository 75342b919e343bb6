# breaks: gru_cell_forward gru_forward
"""Updates h_prev in place (h_prev *= z) to save memory."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    H = h_prev.shape[1]
    if np.shape(b) != (2, 3 * H):
        raise ValueError(f"b must be (2, 3H), got {np.shape(b)}")
    sig = lambda v: 1 / (1 + np.exp(-v))
    gx, gh = x_t @ W_x + b[0], h_prev @ W_h + b[1]
    z = sig(gx[:, :H] + gh[:, :H])
    r = sig(gx[:, H:2 * H] + gh[:, H:2 * H])
    h_tilde = np.tanh(gx[:, 2 * H:] + r * gh[:, 2 * H:])
    h_prev *= z
    h_prev += (1 - z) * h_tilde
    return h_prev, None
