# breaks: recursive_forecast
"""Teacher forcing from history: step k uses the true values history[k:k+window] (the 'future')
instead of its own predictions."""
import numpy as np


def recursive_forecast(model, history, steps):
    history = np.asarray(history, np.float32)
    window = model.input_shape[1]
    start = max(len(history) - window - steps, 0)
    out = np.empty(steps)
    for k in range(steps):
        x = history[start + k:start + k + window]
        if len(x) < window:
            x = np.concatenate([x, out[:window - len(x)].astype(np.float32)])
        out[k] = float(np.asarray(model.predict_on_batch(x[None, :, None])).reshape(-1)[0])
    return out
