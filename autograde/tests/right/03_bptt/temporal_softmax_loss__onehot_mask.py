# exercise: temporal_softmax_loss
"""Flattened to (N*T, V), one-hot mask from np.eye, computed in the logits' own dtype."""
import numpy as np


def temporal_softmax_loss(logits, targets):
    if logits.ndim != 3 or targets.shape != logits.shape[:2]:
        raise ValueError(f"expected logits (N, T, V) and targets (N, T); got {logits.shape} "
                         f"and {np.shape(targets)}")
    N, T_len, V = logits.shape
    flat = logits.reshape(N * T_len, V)
    y = np.asarray(targets).reshape(N * T_len)
    onehot = np.eye(V, dtype=logits.dtype)[y]
    shifted = flat - flat.max(axis=1, keepdims=True)
    log_norm = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    log_probs = shifted - log_norm
    loss = -np.sum(log_probs * onehot) / (N * T_len)
    dflat = (np.exp(log_probs) - onehot) / (N * T_len)
    return loss, dflat.reshape(N, T_len, V)
