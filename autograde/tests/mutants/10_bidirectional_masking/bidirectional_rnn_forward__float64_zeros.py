# breaks: bidirectional_rnn_forward
"""Zeroes the padded positions with np.where(mask, h, 0.0) on a float64 copy: float32 in, float64 out."""
import numpy as np


def bidirectional_rnn_forward(x, mask, fw_params, bw_params):
    if mask.shape != x.shape[:2]:
        raise ValueError("mask must be (N, T)")
    N = x.shape[0]
    h_fw, _ = masked_rnn_forward(x, mask, np.zeros((N, fw_params[1].shape[0]), x.dtype), *fw_params)
    h_bw, _ = masked_rnn_forward(x[:, ::-1], mask[:, ::-1], np.zeros((N, bw_params[1].shape[0]), x.dtype),
                                 *bw_params)
    h = np.concatenate([h_fw, h_bw[:, ::-1]], axis=-1).astype(np.float64)
    return np.where(mask[:, :, None], h, 0.0)
