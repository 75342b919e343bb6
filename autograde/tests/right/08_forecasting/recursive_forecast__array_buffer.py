# exercise: recursive_forecast
"""One array holding the window and all forecasts; each step reads a slice of it."""
import numpy as np


def recursive_forecast(model, history, steps):
    if np.ndim(history) != 1:
        raise ValueError("history must be a 1-D array")
    window = int(model.input_shape[1])
    T_len = np.shape(history)[0]
    if T_len < window:
        raise ValueError(f"history is shorter ({T_len}) than the window ({window})")
    if not steps >= 1:
        raise ValueError(f"steps must be a positive integer, got {steps}")
    hist = np.asarray(history)
    out_dtype = hist.dtype if np.issubdtype(hist.dtype, np.floating) else np.dtype(np.float64)
    buf = np.empty(window + steps, dtype=np.float64)
    buf[:window] = hist[T_len - window:]
    for k in range(steps):
        x = buf[k:k + window].astype(np.float32)[None, :, None]
        buf[window + k] = np.asarray(model.predict_on_batch(x))[0, 0]
    return buf[window:].astype(out_dtype)
