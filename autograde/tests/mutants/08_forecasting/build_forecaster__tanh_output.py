# breaks: build_forecaster
"""Puts a tanh activation on the output Dense layer, so forecasts cannot leave (-1, 1)."""
import keras


def build_forecaster(window, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"unknown cell {cell!r}")
    inputs = keras.Input(shape=(window, 1))
    outputs = keras.layers.Dense(1, activation="tanh")(layers[cell](units)(inputs))
    return keras.Model(inputs, outputs)
