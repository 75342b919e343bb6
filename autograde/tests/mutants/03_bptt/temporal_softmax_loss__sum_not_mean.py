# breaks: temporal_softmax_loss train_char_rnn
"""Loss and gradient summed over the N*T positions instead of averaged."""
import numpy as np


def temporal_softmax_loss(logits, targets):
    logits = np.asarray(logits)
    targets = np.asarray(targets)
    if logits.ndim != 3 or targets.shape != logits.shape[:2]:
        raise ValueError(f"bad shapes {logits.shape}, {targets.shape}")
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    loss = -np.take_along_axis(logp, targets[..., None], axis=-1).sum()
    d = np.exp(logp)
    np.put_along_axis(d, targets[..., None], np.take_along_axis(d, targets[..., None], axis=-1) - 1, axis=-1)
    return loss, d
