# breaks: recursive_forecast
"""Slides the window inside `history` itself, overwriting the caller's array."""
import numpy as np


def recursive_forecast(model, history, steps):
    window = model.input_shape[1]
    out = np.empty(steps)
    for k in range(steps):
        x = np.asarray(history[-window:], np.float32)
        out[k] = float(np.asarray(model.predict_on_batch(x[None, :, None])).reshape(-1)[0])
        history[:-1] = history[1:]
        history[-1] = out[k]
    return out
