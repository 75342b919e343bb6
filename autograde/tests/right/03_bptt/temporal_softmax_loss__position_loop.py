# exercise: temporal_softmax_loss
"""A loop over every (n, t) position, accumulating the loss as a Python float."""
import math

import numpy as np


def temporal_softmax_loss(logits, targets):
    if np.ndim(logits) != 3:
        raise ValueError("logits must be 3-D")
    N, T_len, V = logits.shape
    if np.shape(targets) != (N, T_len):
        raise ValueError(f"targets must have shape {(N, T_len)}, got {np.shape(targets)}")
    dlogits = np.zeros_like(logits)
    total = 0.0
    count = N * T_len
    for n in range(N):
        for t in range(T_len):
            z = logits[n, t]
            m = z.max()
            e = np.exp(z - m)
            s = e.sum()
            y = int(targets[n, t])
            total -= float(z[y] - m) - math.log(float(s))
            g = e / s
            g[y] -= 1
            dlogits[n, t] = g / count
    return total / count, dlogits
