# breaks: hidden_jacobian gradient_norms_through_time
"""No shape checks: a non-square or mismatched W_h broadcasts or fails with the wrong error."""
import numpy as np


def hidden_jacobian(h_t, W_h):
    h_t, W_h = np.asarray(h_t), np.asarray(W_h)
    return (1 - h_t ** 2)[..., None] * W_h.T
