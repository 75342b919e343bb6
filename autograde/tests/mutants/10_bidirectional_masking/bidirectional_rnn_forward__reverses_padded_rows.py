# breaks: bidirectional_rnn_forward
"""Reverses x but not the mask: the backward RNN reads the pads before the real tokens."""
import numpy as np


def bidirectional_rnn_forward(x, mask, fw_params, bw_params):
    if mask.shape != x.shape[:2]:
        raise ValueError("mask must be (N, T)")
    N = x.shape[0]
    h_fw, _ = masked_rnn_forward(x, mask, np.zeros((N, fw_params[1].shape[0]), x.dtype), *fw_params)
    full = np.ones(mask.shape, dtype=bool)
    h_bw, _ = masked_rnn_forward(x[:, ::-1], full, np.zeros((N, bw_params[1].shape[0]), x.dtype), *bw_params)
    h = np.concatenate([h_fw, h_bw[:, ::-1]], axis=-1)
    return np.where(mask[:, :, None], h, np.zeros((), x.dtype))
