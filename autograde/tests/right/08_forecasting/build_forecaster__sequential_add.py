# exercise: build_forecaster
"""keras.Sequential built with add(), layer looked up with getattr on its Keras name."""
import keras


def build_forecaster(window, units, cell="lstm"):
    names = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}
    if not isinstance(cell, str) or cell not in names:
        raise ValueError(f"unknown cell {cell!r}: use 'rnn', 'lstm' or 'gru'")
    if int(window) < 1:
        raise ValueError("window must be at least 1")
    if int(units) < 1:
        raise ValueError("units must be at least 1")
    model = keras.Sequential(name=f"{cell}_forecaster")
    model.add(keras.Input(shape=(int(window), 1)))
    model.add(getattr(keras.layers, names[cell])(int(units), return_sequences=False))
    model.add(keras.layers.Dense(1, activation="linear"))
    return model
