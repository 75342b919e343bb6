# breaks: temporal_softmax_loss train_char_rnn
"""Always returns float64 dlogits (np.zeros without dtype) and never checks shapes."""
import numpy as np


def temporal_softmax_loss(logits, targets):
    N, T, V = logits.shape
    z = logits - logits.max(axis=-1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
    d = np.zeros((N, T, V))
    loss = 0.0
    for n in range(N):
        for t in range(T):
            loss -= np.log(p[n, t, targets[n, t]])
            d[n, t] = p[n, t]
            d[n, t, targets[n, t]] -= 1
    return loss / (N * T), d / (N * T)
