# breaks: build_forecaster
"""Puts a relu activation on the output Dense layer, so negative forecasts are impossible."""
import keras


def build_forecaster(window, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"unknown cell {cell!r}")
    inputs = keras.Input(shape=(window, 1))
    outputs = keras.layers.Dense(1, activation="relu")(layers[cell](units)(inputs))
    return keras.Model(inputs, outputs)
