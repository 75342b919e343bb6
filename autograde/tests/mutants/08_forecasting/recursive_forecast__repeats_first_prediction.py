# breaks: recursive_forecast
"""Never appends its predictions: predicts once from the last window and repeats that value."""
import numpy as np


def recursive_forecast(model, history, steps):
    window = model.input_shape[1]
    x = np.asarray(history, np.float32)[-window:][None, :, None]
    y = float(np.asarray(model.predict_on_batch(x)).reshape(-1)[0])
    return np.full(steps, y)
