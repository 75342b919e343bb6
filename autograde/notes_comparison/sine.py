"""The lecture notes' sine comparison (SimpleRNN vs LSTM vs GRU) against 08_forecasting's recipe.

Both run on the same data: ``np.sin`` over ``np.linspace(0, 10, 100)``, windows of 10 values
predicting the next one, the first 80 % of the windows for training and the last 20 % for testing.

* notes: 50 units with ``activation="relu"``, Adam at its default learning rate, 50 epochs of
  ``batch_size=16`` (5 steps per epoch, 250 steps), ``validation_data`` = the test set evaluated
  after every epoch, raw (unscaled) values -- exactly the hyperparameters of the notes.
  (The notes pass ``input_shape=`` to the recurrent layer; Keras 3 wants a ``keras.Input``
  instead, which builds the same model.)
* course: 16 units with tanh, inputs standardised with training statistics, Adam at 1e-2,
  40 epochs of ``batch_size=8`` with ``steps_per_execution`` = steps per epoch (one compiled
  call per epoch), no per-epoch validation -- the notebook's student-mode setting.

``run()`` returns one row per model and recipe, plus the naive last-value baseline:
``{"model": ..., "seconds": ..., "metric": "test RMSE", "value": ...}`` (seconds of ``fit``).

    .venv/bin/python autograde/notes_comparison/sine.py
"""
from __future__ import annotations

import time

import numpy as np

WINDOW = 10
CELLS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def sine_data():
    """(X_train, X_test, y_train, y_test): X (N, 10), y (N,), chronological 80/20 split."""
    series = np.sin(np.linspace(0, 10, 100))
    n = len(series) - WINDOW
    X = series[np.arange(n)[:, None] + np.arange(WINDOW)[None, :]]
    y = series[WINDOW:]
    split = int(n * 0.8)
    return X[:split], X[split:], y[:split], y[split:]


def _rmse(y, y_hat) -> float:
    return float(np.sqrt(np.mean((np.asarray(y, np.float64) - np.asarray(y_hat, np.float64)) ** 2)))


def run_notes(keras, data) -> list[dict]:
    """The notes' code path: relu, 50 units, 50 epochs of batch 16, validation every epoch."""
    X_train, X_test, y_train, y_test = data
    Xtr, Xte = X_train[..., None], X_test[..., None]
    rows = []
    for cell, name in CELLS.items():
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input(shape=(WINDOW, 1)),
                                  getattr(keras.layers, name)(50, activation="relu"),
                                  keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        start = time.perf_counter()
        model.fit(Xtr, y_train, epochs=50, batch_size=16, validation_data=(Xte, y_test), verbose=0)
        seconds = time.perf_counter() - start
        pred = model.predict(Xte, verbose=0).ravel()
        rows.append({"model": f"{name} (notes)", "seconds": seconds, "metric": "test RMSE",
                     "value": _rmse(y_test, pred)})
    return rows


def run_course(keras, data, epochs: int = 40) -> list[dict]:
    """The notebook's recipe: standardised inputs, tanh, 16 units, Adam 1e-2, batch 8,
    steps_per_execution = steps per epoch."""
    X_train, X_test, y_train, y_test = data
    mu, sd = X_train.mean(), X_train.std()
    Xtr = ((X_train - mu) / sd)[..., None].astype(np.float32)
    Xte = ((X_test - mu) / sd)[..., None].astype(np.float32)
    ytr = ((y_train - mu) / sd).astype(np.float32)
    steps = int(np.ceil(len(Xtr) / 8))
    rows = []
    for cell, name in CELLS.items():
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input(shape=(WINDOW, 1)),
                                  getattr(keras.layers, name)(16),
                                  keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="mse", steps_per_execution=steps)
        start = time.perf_counter()
        model.fit(Xtr, ytr, epochs=epochs, batch_size=8, shuffle=True, verbose=0)
        seconds = time.perf_counter() - start
        pred = model.predict(Xte, verbose=0).ravel() * sd + mu
        rows.append({"model": f"{name} (course)", "seconds": seconds, "metric": "test RMSE",
                     "value": _rmse(y_test, pred)})
    return rows


def run() -> list[dict]:
    """Rows for the notes' three models, the course's three models and the naive baseline."""
    from rnncourse.keras_glue import load_keras

    keras = load_keras(seed=0)
    data = sine_data()
    rows = run_notes(keras, data) + run_course(keras, data)
    X_test, y_test = data[1], data[3]
    rows.append({"model": "naive (last value)", "seconds": 0.0, "metric": "test RMSE",
                 "value": _rmse(y_test, X_test[:, -1])})
    return rows


def main() -> None:
    rows = run()
    print(f"{'model':<22}{'fit seconds':>12}  {'metric':<10}{'value':>9}")
    for row in rows:
        print(f"{row['model']:<22}{row['seconds']:>12.1f}  {row['metric']:<10}{row['value']:>9.4f}")
    notes = sum(r["seconds"] for r in rows if r["model"].endswith("(notes)"))
    course = sum(r["seconds"] for r in rows if r["model"].endswith("(course)"))
    print(f"total fit time: notes {notes:.1f} s, course {course:.1f} s ({notes / course:.1f}x faster)")


if __name__ == "__main__":
    main()
