# breaks: temporal_softmax_loss train_char_rnn
"""Softmax without subtracting the max: overflows (NaN) for large logits."""
import numpy as np


def temporal_softmax_loss(logits, targets):
    logits = np.asarray(logits)
    targets = np.asarray(targets)
    if logits.ndim != 3 or targets.shape != logits.shape[:2]:
        raise ValueError(f"bad shapes {logits.shape}, {targets.shape}")
    N, T, V = logits.shape
    e = np.exp(logits)
    p = e / e.sum(axis=-1, keepdims=True)
    n, t = np.meshgrid(np.arange(N), np.arange(T), indexing="ij")
    loss = -np.log(p[n, t, targets]).mean()
    d = p.copy()
    d[n, t, targets] -= 1
    return loss, d / (N * T)
