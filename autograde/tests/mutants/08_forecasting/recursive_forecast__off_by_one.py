# breaks: recursive_forecast
"""Off by one: the first window is history[-window-1:-1], dropping the newest value."""
import numpy as np


def recursive_forecast(model, history, steps):
    window = model.input_shape[1]
    current = np.asarray(history, np.float32)[-window - 1:-1].copy()
    out = np.empty(steps)
    for k in range(steps):
        out[k] = float(np.asarray(model.predict_on_batch(current[None, :, None])).reshape(-1)[0])
        current = np.append(current[1:], np.float32(out[k]))
    return out
