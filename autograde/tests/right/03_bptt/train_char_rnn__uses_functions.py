# exercise: train_char_rnn
"""Calls rnn_forward, temporal_softmax_loss and rnn_backward; one-hot via np.eye; dict loop for the update."""
import numpy as np


def train_char_rnn(text, hidden_size, seq_len, steps, learning_rate, rng):
    if hidden_size < 1 or seq_len < 1 or steps < 1:
        raise ValueError("hidden_size, seq_len and steps must all be >= 1")
    if len(text) < seq_len + 1:
        raise ValueError(f"text has {len(text)} characters, needs at least {seq_len + 1}")
    chars = sorted(set(text))
    V, H = len(chars), hidden_size
    index = {c: i for i, c in enumerate(chars)}
    ids = np.array([index[c] for c in text])
    eye = np.eye(V)
    params = {
        "W_x": 0.01 * rng.standard_normal((V, H)),
        "W_h": 0.01 * rng.standard_normal((H, H)),
        "b": np.zeros(H),
        "W_y": 0.01 * rng.standard_normal((H, V)),
        "b_y": np.zeros(V),
    }
    memory = {k: np.zeros_like(v) for k, v in params.items()}
    losses = []
    p = 0
    h = np.zeros((1, H))
    for _ in range(steps):
        if p + seq_len + 1 > len(ids):
            p = 0
            h = np.zeros((1, H))
        inputs = ids[p:p + seq_len]
        targets = ids[p + 1:p + seq_len + 1]
        x = eye[inputs][None]                           # (1, L, V)
        hs, caches = rnn_forward(x, h, params["W_x"], params["W_h"], params["b"])
        logits = hs @ params["W_y"] + params["b_y"]
        loss, dlogits = temporal_softmax_loss(logits, targets[None])
        losses.append(float(loss))
        grads = {
            "W_y": hs[0].T @ dlogits[0],
            "b_y": dlogits[0].sum(axis=0),
        }
        dh = dlogits @ params["W_y"].T
        _, _, grads["W_x"], grads["W_h"], grads["b"] = rnn_backward(dh, caches)
        for k in params:
            g = np.clip(grads[k], -5, 5)
            memory[k] += g * g
            params[k] = params[k] - learning_rate * g / np.sqrt(memory[k] + 1e-8)
        h = hs[:, -1]
        p += seq_len
    return params, losses
