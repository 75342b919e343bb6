# breaks: train_char_rnn
"""A hard-coded step size of 0.1 instead of learning_rate."""
import numpy as np


def train_char_rnn(text, hidden_size, seq_len, steps, learning_rate, rng):
    if hidden_size < 1 or seq_len < 1 or steps < 1 or len(text) < seq_len + 1:
        raise ValueError("bad arguments")
    chars = sorted(set(text))
    V, H = len(chars), hidden_size
    index = {c: i for i, c in enumerate(chars)}
    ids = np.array([index[c] for c in text])
    params = {"W_x": 0.01 * rng.standard_normal((V, H)), "W_h": 0.01 * rng.standard_normal((H, H)),
              "b": np.zeros(H), "W_y": 0.01 * rng.standard_normal((H, V)), "b_y": np.zeros(V)}
    memory = {k: np.zeros_like(v) for k, v in params.items()}
    eye = np.eye(V)
    h = np.zeros((1, H))
    p = 0
    losses = []
    for _ in range(steps):
        if p + seq_len + 1 > len(ids):
            p, h = 0, np.zeros((1, H))
        x = eye[ids[p:p + seq_len]][None]
        y = ids[p + 1:p + seq_len + 1][None]
        hs, caches = rnn_forward(x, h, params["W_x"], params["W_h"], params["b"])
        logits = hs @ params["W_y"] + params["b_y"]
        loss, dlogits = temporal_softmax_loss(logits, y)
        grads = {"W_y": hs[0].T @ dlogits[0], "b_y": dlogits[0].sum(axis=0)}
        _, _, grads["W_x"], grads["W_h"], grads["b"] = rnn_backward(dlogits @ params["W_y"].T, caches)
        for k in params:
            g = np.clip(grads[k], -5.0, 5.0)
            memory[k] += g * g
            params[k] -= 0.1 * g / np.sqrt(memory[k] + 1e-8)
        losses.append(float(loss))
        h = hs[:, -1]
        p += seq_len
    return params, losses
