# exercise: gru_cell_forward
"""Per-gate weight blocks, computed in float64 with its own tanh-based sigmoid, cast back."""
import numpy as np


def gru_cell_forward(x_t, h_prev, W_x, W_h, b):
    arrays = [np.asarray(a) for a in (x_t, h_prev, W_x, W_h, b)]
    x_t, h_prev, W_x, W_h, b = arrays
    if h_prev.ndim != 2:
        raise ValueError(f"h_prev must be (N, H), got {h_prev.shape}")
    N, H = h_prev.shape
    if x_t.ndim != 2 or x_t.shape[0] != N:
        raise ValueError(f"x_t must be ({N}, D), got {x_t.shape}")
    D = x_t.shape[1]
    if W_x.shape != (D, 3 * H) or W_h.shape != (H, 3 * H):
        raise ValueError(f"W_x {W_x.shape} / W_h {W_h.shape} should be {(D, 3 * H)} / {(H, 3 * H)}")
    if b.shape != (2, 3 * H):
        raise ValueError(f"b must be (2, 3H) = {(2, 3 * H)} (reset_after=True), got {b.shape}")
    dtype = np.result_type(*arrays)
    x, h, Wx, Wh, bb = (a.astype(np.float64) for a in arrays)
    sig = lambda a: 0.5 * (1.0 + np.tanh(0.5 * a))
    blk = lambda k: slice(k * H, (k + 1) * H)
    z = sig(x @ Wx[:, blk(0)] + bb[0, blk(0)] + h @ Wh[:, blk(0)] + bb[1, blk(0)])
    r = sig(x @ Wx[:, blk(1)] + bb[0, blk(1)] + h @ Wh[:, blk(1)] + bb[1, blk(1)])
    cand = np.tanh(x @ Wx[:, blk(2)] + bb[0, blk(2)] + r * (h @ Wh[:, blk(2)] + bb[1, blk(2)]))
    h_next = (z * h + (1.0 - z) * cand).astype(dtype)
    return h_next, {"z": z, "r": r, "cand": cand, "h_prev": h_prev, "x_t": x_t}
