# exercise: temporal_softmax_loss
"""log-softmax in float64 with take_along_axis; dlogits cast back to the logits' dtype."""
import numpy as np


def temporal_softmax_loss(logits, targets):
    logits = np.asarray(logits)
    targets = np.asarray(targets)
    if logits.ndim != 3:
        raise ValueError(f"logits must be (N, T, V), got shape {logits.shape}")
    if targets.shape != logits.shape[:2]:
        raise ValueError(f"targets {targets.shape} do not match logits {logits.shape[:2]}")
    N, T_len, V = logits.shape
    z = logits.astype(np.float64)
    z = z - z.max(axis=2, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
    picked = np.take_along_axis(log_p, targets[..., None].astype(np.intp), axis=2)[..., 0]
    loss = -picked.mean()
    dz = np.exp(log_p)
    np.put_along_axis(dz, targets[..., None].astype(np.intp),
                      np.take_along_axis(dz, targets[..., None].astype(np.intp), axis=2) - 1.0,
                      axis=2)
    dz /= N * T_len
    return float(loss), dz.astype(logits.dtype)
