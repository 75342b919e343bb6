# exercise: lstm_cell_backward
"""einsum for every product, computed in float64 and cast back to the input dtype."""
import numpy as np


def lstm_cell_backward(dh_next, dc_next, cache):
    dtype = np.result_type(dh_next, dc_next, *cache)
    x_t, h_prev, c_prev, W_x, W_h, i, f, g, o, c_next = (np.asarray(a, dtype=np.float64) for a in cache)
    dh = np.asarray(dh_next, dtype=np.float64)
    dcn = np.asarray(dc_next, dtype=np.float64)
    if dh.shape != c_next.shape or dcn.shape != c_next.shape:
        raise ValueError(f"expected dh_next and dc_next of shape {c_next.shape}, "
                         f"got {dh.shape} and {dcn.shape}")
    tc = np.tanh(c_next)
    dc = dcn + np.einsum("nh,nh,nh->nh", dh, o, 1 - tc * tc)
    dz = np.concatenate([np.einsum("nh,nh,nh,nh->nh", dc, g, i, 1 - i),
                         np.einsum("nh,nh,nh,nh->nh", dc, c_prev, f, 1 - f),
                         np.einsum("nh,nh,nh->nh", dc, i, 1 - g * g),
                         np.einsum("nh,nh,nh,nh->nh", dh, tc, o, 1 - o)], axis=1)
    out = (np.einsum("ng,dg->nd", dz, W_x), np.einsum("ng,hg->nh", dz, W_h), dc * f,
           np.einsum("nd,ng->dg", x_t, dz), np.einsum("nh,ng->hg", h_prev, dz), np.einsum("ng->g", dz))
    return tuple(a.astype(dtype) for a in out)
