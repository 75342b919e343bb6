# exercise: train_char_rnn
"""Everything inline (index lookups instead of one-hot products), init order W_h, W_x, W_y with rng.normal."""
import numpy as np


def train_char_rnn(text, hidden_size, seq_len, steps, learning_rate, rng):
    if min(hidden_size, seq_len, steps) < 1:
        raise ValueError("hidden_size, seq_len and steps must be positive")
    if len(text) <= seq_len:
        raise ValueError("the text is shorter than seq_len + 1 characters")
    vocab = sorted(set(text))
    V, H, L = len(vocab), int(hidden_size), int(seq_len)
    lookup = {c: i for i, c in enumerate(vocab)}
    data = [lookup[c] for c in text]

    W_h = rng.normal(0.0, 0.01, size=(H, H))
    W_x = rng.normal(0.0, 0.01, size=(V, H))
    W_y = rng.normal(0.0, 0.01, size=(H, V))
    b, b_y = np.zeros(H), np.zeros(V)
    m_Wx, m_Wh, m_b, m_Wy, m_by = (np.zeros_like(a) for a in (W_x, W_h, b, W_y, b_y))

    losses = []
    pos = 0
    h_carry = np.zeros(H)
    for _ in range(steps):
        if pos + L + 1 > len(data):
            pos, h_carry = 0, np.zeros(H)
        xs = data[pos:pos + L]
        ys = data[pos + 1:pos + L + 1]
        # forward
        hs = np.zeros((L + 1, H))
        hs[0] = h_carry
        for t in range(L):
            hs[t + 1] = np.tanh(W_x[xs[t]] + hs[t] @ W_h + b)
        z = hs[1:] @ W_y + b_y                               # (L, V)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        losses.append(float(-logp[np.arange(L), ys].mean()))
        # backward
        dz = np.exp(logp)
        dz[np.arange(L), ys] -= 1.0
        dz /= L
        dW_y = hs[1:].T @ dz
        db_y = dz.sum(axis=0)
        dhs = dz @ W_y.T
        dW_x, dW_h, db = np.zeros_like(W_x), np.zeros_like(W_h), np.zeros_like(b)
        d_next = np.zeros(H)
        for t in range(L - 1, -1, -1):
            da = (dhs[t] + d_next) * (1.0 - hs[t + 1] ** 2)
            dW_x[xs[t]] += da
            dW_h += np.outer(hs[t], da)
            db += da
            d_next = W_h @ da
        # clip + Adagrad
        updated = []
        for w, g, m in ((W_x, dW_x, m_Wx), (W_h, dW_h, m_Wh), (b, db, m_b),
                        (W_y, dW_y, m_Wy), (b_y, db_y, m_by)):
            np.clip(g, -5.0, 5.0, out=g)
            m += g * g
            updated.append(w - learning_rate * g / np.sqrt(m + 1e-8))
        W_x, W_h, b, W_y, b_y = updated
        h_carry = hs[L]
        pos += L
    return {"W_x": W_x, "W_h": W_h, "b": b, "W_y": W_y, "b_y": b_y}, losses
