# breaks: gru_cell_forward gru_forward
"""Update convention of Coursera/Chung et al.: h = (1 - z) * h_prev + z * h~."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    H = h_prev.shape[1]
    sig = lambda v: 1 / (1 + np.exp(-v))
    gx, gh = x_t @ W_x + b[0], h_prev @ W_h + b[1]
    z = sig(gx[:, :H] + gh[:, :H])
    r = sig(gx[:, H:2 * H] + gh[:, H:2 * H])
    h_tilde = np.tanh(gx[:, 2 * H:] + r * gh[:, 2 * H:])
    return (1 - z) * h_prev + z * h_tilde, None
