# exercise: lstm_cell_forward
"""One fused pre-activation with einsum, np.split into the four gates."""
import numpy as np


def lstm_cell_forward(x_t, h_prev, c_prev, W_x, W_h, b):
    if x_t.ndim != 2 or h_prev.ndim != 2:
        raise ValueError(f"x_t {x_t.shape} and h_prev {h_prev.shape} must be 2-D")
    N, D = x_t.shape
    H = h_prev.shape[1]
    expected = {"h_prev": (N, H), "c_prev": (N, H), "W_x": (D, 4 * H), "W_h": (H, 4 * H),
                "b": (4 * H,)}
    actual = {"h_prev": h_prev.shape, "c_prev": c_prev.shape, "W_x": W_x.shape,
              "W_h": W_h.shape, "b": b.shape}
    wrong = [f"{k} is {actual[k]}, expected {v}" for k, v in expected.items() if actual[k] != v]
    if wrong:
        raise ValueError("; ".join(wrong))
    z = np.einsum("nd,dg->ng", x_t, W_x) + np.einsum("nh,hg->ng", h_prev, W_h) + b
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=1)
    i, f, o = sigmoid(z_i), sigmoid(z_f), sigmoid(z_o)
    g = np.tanh(z_c)
    c_next = f * c_prev + i * g
    h_next = o * np.tanh(c_next)
    return h_next, c_next, (x_t, h_prev, c_prev, i, f, g, o, c_next)
