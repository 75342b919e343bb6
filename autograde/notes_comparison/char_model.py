"""The lecture notes' character model against notebook 07's, same data, same wall time.

    python autograde/notes_comparison/char_model.py

Both models train on the same slice of Shakespeare (rnncourse.data.load_shakespeare) for about
the same number of seconds and are scored on the same held-out text in nats per character:

* notes: windows of 10 characters, each index divided by V as a single float input,
  SimpleRNN(128), Dense(V, softmax), categorical cross-entropy on one-hot targets, batch 128,
  one prediction (the next character) per window;
* notebook 07: Embedding(V, 32) -> GRU(128, return_sequences=True) -> Dense(V) logits,
  sparse cross-entropy from logits, a loss at every position of 100-character sequences,
  tf.data, batch 64, steps_per_execution=10.

``run()`` returns rows ``{"model", "seconds", "metric", "value"}`` for ``make bench``.
"""
from __future__ import annotations

import math
import time

import numpy as np

from rnncourse.data import load_shakespeare
from rnncourse.keras_glue import load_keras

N_TRAIN = 200_000        # characters of training text (the graded slice of notebook 07)
N_VAL = 20_000           # the next characters, held out
BUDGET = 40.0            # seconds of training per model
METRIC = "val loss (nats/char)"


class _TimeBudget:
    """Keras callback: stop training once `seconds` have passed."""

    def __new__(cls, keras, seconds):
        class TimeBudget(keras.callbacks.Callback):
            def on_train_begin(self, logs=None):
                self.start = time.time()

            def on_train_batch_end(self, batch, logs=None):
                if time.time() - self.start > seconds:
                    self.model.stop_training = True
        return TimeBudget()


def _data():
    text = load_shakespeare()[: N_TRAIN + N_VAL]
    chars = sorted(set(load_shakespeare()))
    c2i = {c: i for i, c in enumerate(chars)}
    ids = np.array([c2i[c] for c in text], dtype=np.int32)
    return ids[:N_TRAIN], ids[N_TRAIN:], len(chars)


def notes_model(keras, train, val, V, budget=BUDGET):
    """The notes' approach; returns (seconds, val loss in nats per predicted character)."""
    seq = 10

    def windows(ids):
        idx = np.arange(len(ids) - seq)[:, None] + np.arange(seq)
        X = (ids[idx] / V).astype(np.float32)[..., None]          # (N, 10, 1) scalar inputs
        y = keras.utils.to_categorical(ids[seq:], num_classes=V)   # (N, V) one-hot
        return X, y

    X, y = windows(train)
    Xv, yv = windows(val)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((seq, 1)), keras.layers.SimpleRNN(128),
                              keras.layers.Dense(V, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(0.01))
    start = time.time()
    model.fit(X, y, epochs=100, batch_size=128, verbose=0, shuffle=True,
              callbacks=[_TimeBudget(keras, budget)])
    seconds = time.time() - start
    return seconds, float(model.evaluate(Xv, yv, batch_size=1024, verbose=0))


def notebook_model(keras, train, val, V, budget=BUDGET):
    """Notebook 07's approach; returns (seconds, val loss in nats per character)."""
    import tensorflow as tf
    L, B = 100, 64

    def dataset(ids, shuffle):
        n = (len(ids) - 1) // L
        chunks = ids[np.arange(n)[:, None] * L + np.arange(L + 1)]
        ds = tf.data.Dataset.from_tensor_slices(chunks)
        if shuffle:
            ds = ds.shuffle(n, seed=0)
        ds = ds.map(lambda c: (c[:-1], c[1:]))
        return ds.batch(B, drop_remainder=True).prefetch(tf.data.AUTOTUNE)

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((None,), dtype="int32"),
                              keras.layers.Embedding(V, 32),
                              keras.layers.GRU(128, return_sequences=True),
                              keras.layers.Dense(V)])
    model.compile(optimizer=keras.optimizers.Adam(0.01), steps_per_execution=10,
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    start = time.time()
    model.fit(dataset(train, True), epochs=100, verbose=0, callbacks=[_TimeBudget(keras, budget)])
    seconds = time.time() - start
    return seconds, float(model.evaluate(dataset(val, False), verbose=0))


def run(budget: float = BUDGET) -> list[dict]:
    keras = load_keras(seed=0)
    train, val, V = _data()
    rows = [{"model": "baseline: uniform over the vocabulary", "seconds": 0.0,
             "metric": METRIC, "value": math.log(V)}]
    for name, fn in [("notes: SimpleRNN on index/V, windows of 10, softmax", notes_model),
                     ("notebook 07: Embedding-GRU-logits, loss at every step", notebook_model)]:
        seconds, value = fn(keras, train, val, V, budget)
        rows.append({"model": name, "seconds": round(seconds, 1), "metric": METRIC,
                     "value": round(value, 3)})
    return rows


def main() -> None:
    rows = run()
    width = max(len(r["model"]) for r in rows)
    print(f"{'model':<{width}}  {'seconds':>7}  {METRIC}")
    for r in rows:
        print(f"{r['model']:<{width}}  {r['seconds']:>7.1f}  {r['value']:.3f}")


if __name__ == "__main__":
    main()
