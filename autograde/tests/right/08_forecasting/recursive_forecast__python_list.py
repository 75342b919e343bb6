# exercise: recursive_forecast
"""The window kept as a Python list: pop the oldest value, append the prediction."""
import numpy as np


def recursive_forecast(model, history, steps):
    history = np.asarray(history)
    if history.ndim != 1:
        raise ValueError(f"history must be 1-D, got shape {history.shape}")
    window = model.input_shape[1]
    if len(history) < window:
        raise ValueError(f"history has {len(history)} values, the model needs {window}")
    if steps < 1:
        raise ValueError("steps must be >= 1")
    dtype = history.dtype if np.issubdtype(history.dtype, np.floating) else np.float64
    current = [float(v) for v in history[len(history) - window:]]
    forecast = []
    for _ in range(steps):
        x = np.array(current, dtype=np.float32).reshape(1, window, 1)
        y = float(np.asarray(model.predict_on_batch(x)).reshape(-1)[0])
        forecast.append(y)
        current.pop(0)
        current.append(y)
    return np.array(forecast, dtype=dtype)
