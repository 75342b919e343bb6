# breaks: bidirectional_rnn_forward
"""Runs the backward RNN with the forward weights (bw_params never used)."""
import numpy as np


def bidirectional_rnn_forward(x, mask, fw_params, bw_params):
    if mask.shape != x.shape[:2]:
        raise ValueError("mask must be (N, T)")
    N = x.shape[0]
    h0 = np.zeros((N, fw_params[1].shape[0]), x.dtype)
    h_fw, _ = masked_rnn_forward(x, mask, h0, *fw_params)
    h_bw, _ = masked_rnn_forward(x[:, ::-1], mask[:, ::-1], h0, *fw_params)
    h = np.concatenate([h_fw, h_bw[:, ::-1]], axis=-1)
    return np.where(mask[:, :, None], h, np.zeros((), x.dtype))
